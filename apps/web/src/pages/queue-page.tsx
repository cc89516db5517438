import {
  type Claim,
  type ClaimList,
  type ReviewStatus,
  categorySchema,
  claimSortSchema,
  reviewStatusSchema,
  sideSchema,
} from '@claimdesk/contracts';
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type RefObject, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { currentUrlParams, isCurrentUrlParam } from '../components/url-params.ts';
import { QUEUE_PAGE_SIZE, articleTitlesQuery, claimsPageQuery } from '../api/queries.ts';
import { sourceQuery } from '../api/source-queries.ts';
import { ShortcutHelp, isTypingTarget } from '../components/shortcut-help.tsx';
import { STATUS_LABEL, StatusBadge } from '../components/status.tsx';

/** The query parameters the queue understands; anything else in the URL is ignored. */
export const QUEUE_FILTERS = [
  'status',
  'side',
  'category',
  'kind',
  'articleId',
  'source',
  'sourceId',
  'q',
  'from',
  'to',
  'sort',
  'order',
] as const;
const ROW_HEIGHT = 64;
const TYPING_DELAY_MS = 300;
const SORT_LABEL: Record<(typeof claimSortSchema.options)[number], string> = {
  article: 'article order',
  updated: 'last change',
  status: 'status',
  value: 'value',
  asOf: 'as-of date',
};
const words = (s: string) => s.replaceAll('_', ' ');
/** The date first: the MoD reports share one opening line and differ only by day. */
const articleOption = (publishedOn: string | null, title: string) =>
  `${publishedOn ? `${publishedOn} · ` : ''}${title.length > 60 ? `${title.slice(0, 60)}…` : title}`;

function readMemory(key: string): { offset: number; active: number } {
  try {
    const value = JSON.parse(sessionStorage.getItem(key) ?? 'null') as { offset?: unknown; active?: unknown } | null;
    return {
      offset: typeof value?.offset === 'number' ? value.offset : 0,
      active: typeof value?.active === 'number' ? value.active : -1,
    };
  } catch {
    return { offset: 0, active: -1 };
  }
}

/** The API filters of the queue, read from the page URL (pagination is the list's own business). */
export function filtersFromUrl(params: URLSearchParams): URLSearchParams {
  const api = new URLSearchParams();
  for (const key of QUEUE_FILTERS) {
    const value = params.get(key);
    if (value) api.set(key, value);
  }
  return api;
}

/**
 * Every claim across articles. The filters live in the URL (a view can be shared, Back undoes a
 * change); the list is virtual and reads only the pages of rows in view from the server.
 */
export function QueuePage() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const filters = useMemo(() => filtersFromUrl(params), [params]);
  const filterKey = filters.toString();
  const first = useQuery({ ...claimsPageQuery(filters, 1), placeholderData: keepPreviousData });
  // A search counts only up to a cap past each page's first row (`totalCapped`: "1,000+"); a later
  // page counts further, so the list grows as it is scrolled, up to the exact total.
  const [grown, setGrown] = useState({ key: '', total: 0, capped: false });
  const firstTotal = { total: first.data?.total ?? 0, capped: first.data?.totalCapped ?? false };
  const counted =
    first.data?.totalCapped && grown.key === filterKey && grown.total > firstTotal.total ? grown : firstTotal;
  const total = counted.total;
  const parentRef = useRef<HTMLDivElement | null>(null);
  const searchRef = useRef<HTMLInputElement | null>(null);
  // Coming back (Back from a claim) puts the reader where they were in the list.
  const memoryKey = `claimdesk:queue:${location.key}`;
  const [remembered] = useState(() => readMemory(memoryKey));
  const [active, setActive] = useState(remembered.active);
  const [showHelp, setShowHelp] = useState(false);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialOffset: remembered.offset,
  });
  const virtualizerRef = useRef(virtualizer);
  virtualizerRef.current = virtualizer;
  const virtualRows = virtualizer.getVirtualItems();
  const firstPage = Math.floor((virtualRows[0]?.index ?? 0) / QUEUE_PAGE_SIZE) + 1;
  const lastPage = Math.floor((virtualRows.at(-1)?.index ?? 0) / QUEUE_PAGE_SIZE) + 1;
  const pageNumbers: number[] = [];
  for (let p = Math.max(2, firstPage); p <= lastPage; p++) pageNumbers.push(p);
  const pages = useQueries({
    queries: pageNumbers.map((p) => ({ ...claimsPageQuery(filters, p), enabled: total > 0 })),
  });
  const pageData = new Map<number, ClaimList | undefined>([[1, first.isPlaceholderData ? undefined : first.data]]);
  for (const [i, p] of pageNumbers.entries()) pageData.set(p, pages[i]?.data);
  // The furthest count a loaded page of this search reached (an exact one wins a tie).
  let furthest = { key: filterKey, ...counted };
  for (const p of pageData.values())
    if (p && (p.total > furthest.total || (p.total === furthest.total && !p.totalCapped)))
      furthest = { key: filterKey, total: p.total, capped: p.totalCapped };
  useEffect(() => {
    if (furthest.total !== grown.total || furthest.capped !== grown.capped || furthest.key !== grown.key)
      setGrown(furthest);
  });
  const rowAt = (index: number): Claim | undefined =>
    pageData.get(Math.floor(index / QUEUE_PAGE_SIZE) + 1)?.items[index % QUEUE_PAGE_SIZE];
  // The titles beside the rows in view: asked for by id, a few at a time, never the whole list.
  const shownArticleIds = [
    ...new Set([...pageData.values()].flatMap((p) => p?.items.map((c) => c.articleId) ?? [])),
  ].sort();
  const articleTitles = useQuery({
    ...articleTitlesQuery({ ids: shownArticleIds.slice(0, 200) }),
    placeholderData: keepPreviousData,
  });
  const titles = useMemo(() => new Map(articleTitles.data?.items.map((a) => [a.id, a.title])), [articleTitles.data]);

  // A new filter starts at the top of its list (but arriving at the page is not a new filter).
  const shownFilterKey = useRef(filterKey);
  useEffect(() => {
    if (shownFilterKey.current === filterKey) return;
    shownFilterKey.current = filterKey;
    live.current.active = -1;
    setActive(-1);
    virtualizerRef.current.scrollToOffset(0);
  }, [filterKey]);
  useEffect(
    () => () => {
      try {
        sessionStorage.setItem(
          memoryKey,
          JSON.stringify({ offset: virtualizerRef.current.scrollOffset ?? 0, active: live.current.active }),
        );
      } catch {
        // Private modes may refuse storage; the list then simply starts at the top.
      }
    },
    [memoryKey],
  );

  useEffect(() => {
    if ((location.state as { focusSearch?: boolean } | null)?.focusSearch) searchRef.current?.focus();
  }, [location.state]);

  // Keys move a roving focus through the rows; Enter opens the active row's claim.
  const focusRow = (index: number) => {
    if (total === 0) return;
    const next = Math.max(0, Math.min(total - 1, index));
    live.current.active = next;
    setActive(next);
    const find = () => parentRef.current?.querySelector<HTMLAnchorElement>(`[data-index="${next}"] a`);
    const row = find();
    if (row) {
      row.focus({ preventScroll: true });
      row.scrollIntoView({ block: 'nearest' });
    } else {
      // Far rows exist only once the list has scrolled to them (and their page has arrived).
      virtualizer.scrollToIndex(next, { align: 'auto' });
      requestAnimationFrame(() => find()?.focus({ preventScroll: true }));
    }
  };
  const openRow = (index: number) => {
    const c = rowAt(index);
    if (c) void navigate(`/articles/${c.articleId}?claim=${c.id}`);
  };
  const live = useRef({ active, total, focusRow, openRow, showHelp });
  live.current = { ...live.current, total, focusRow, openRow, showHelp };
  // Layout effect: the keys work from the first paint on, not a scheduler tick later.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
      const state = live.current;
      if (state.showHelp) {
        if (e.key === 'Escape' || e.key === '?') {
          e.preventDefault();
          setShowHelp(false);
        }
        return;
      }
      if (isTypingTarget(e.target)) {
        if (e.key === 'Escape') (e.target as HTMLElement).blur();
        return;
      }
      if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (e.key === 'j' || e.key === 'ArrowDown') {
        e.preventDefault();
        state.focusRow(state.active + 1);
      } else if (e.key === 'k' || e.key === 'ArrowUp') {
        e.preventDefault();
        state.focusRow(state.active - 1);
      } else if (
        e.key === 'Enter' &&
        state.active >= 0 &&
        !(e.target instanceof HTMLAnchorElement || e.target instanceof HTMLButtonElement)
      ) {
        e.preventDefault();
        state.openRow(state.active);
      } else if (e.key === '?') {
        e.preventDefault();
        setShowHelp(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const update = (changes: Record<string, string | null>) => {
    setParams(() => {
      const next = currentUrlParams();
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  };
  const statuses = (params.get('status') ?? '').split(',').filter(Boolean) as ReviewStatus[];
  const toggleStatus = (s: ReviewStatus) => {
    const next = statuses.includes(s) ? statuses.filter((x) => x !== s) : [...statuses, s];
    update({ status: reviewStatusSchema.options.filter((o) => next.includes(o)).join(',') || null });
  };
  const hasFilters = [...filters.keys()].some((k) => k !== 'sort' && k !== 'order');
  const counts = first.data?.counts;

  return (
    <section aria-labelledby="queue-title" className="queue-page" data-own-shortcuts="">
      <h1 id="queue-title">Review queue</h1>
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is not yet announced by every screen reader; role=search on the form is */}
      <form className="filters" aria-label="Filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <TypedFilter
          label="Search"
          name="q"
          value={params.get('q') ?? ''}
          onCommit={(v) => update({ q: v })}
          inputRef={searchRef}
          placeholder="claims, sources, outlets, any spelling ( / )"
        />
        <TypedFilter
          label="Source"
          name="source"
          value={params.get('source') ?? ''}
          onCommit={(v) => update({ source: v })}
          placeholder="e.g. Peskov"
        />
        {params.get('sourceId') && (
          <SourceEntityFilter id={params.get('sourceId') ?? ''} onClear={() => update({ sourceId: '' })} />
        )}
        <div className="field">
          <label htmlFor="f-side">Side</label>
          <select id="f-side" value={params.get('side') ?? ''} onChange={(e) => update({ side: e.target.value })}>
            <option value="">any side</option>
            {sideSchema.options.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-kind">Kind</label>
          <select id="f-kind" value={params.get('kind') ?? ''} onChange={(e) => update({ kind: e.target.value })}>
            <option value="">statements and figures</option>
            <option value="statement">statements</option>
            <option value="figure">figures</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-category">Category</label>
          <select
            id="f-category"
            value={params.get('category') ?? ''}
            onChange={(e) => update({ category: e.target.value })}
          >
            <option value="">any category</option>
            {categorySchema.options.map((s) => (
              <option key={s} value={s}>
                {words(s)}
              </option>
            ))}
          </select>
        </div>
        <ArticleFilter value={params.get('articleId') ?? ''} onChange={(articleId) => update({ articleId })} />
        <div className="field">
          <label htmlFor="f-as-of-from">As of, from</label>{' '}
          <input
            id="f-as-of-from"
            type="date"
            value={params.get('from') ?? ''}
            onChange={(e) => update({ from: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="f-as-of-to">As of, to</label>{' '}
          <input
            id="f-as-of-to"
            type="date"
            value={params.get('to') ?? ''}
            onChange={(e) => update({ to: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="f-sort-by">Sort by</label>
          <select
            id="f-sort-by"
            value={params.get('sort') ?? 'article'}
            onChange={(e) => update({ sort: e.target.value === 'article' ? null : e.target.value })}
          >
            {claimSortSchema.options.map((s) => (
              <option key={s} value={s}>
                {SORT_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-order">Order</label>
          <select
            id="f-order"
            value={params.get('order') ?? 'asc'}
            onChange={(e) => update({ order: e.target.value === 'asc' ? null : e.target.value })}
          >
            <option value="asc">ascending</option>
            <option value="desc">descending</option>
          </select>
        </div>
        {hasFilters && (
          <button type="button" className="btn-small" onClick={() => setParams(new URLSearchParams())}>
            Clear filters
          </button>
        )}
      </form>
      <fieldset className="status-filter">
        <legend>
          Status <span className="hint">(counts within the other filters; pick several)</span>
        </legend>
        {reviewStatusSchema.options.map((s) => (
          <button
            key={s}
            type="button"
            className={`status-toggle badge-${s}`}
            aria-pressed={statuses.includes(s)}
            onClick={() => toggleStatus(s)}
          >
            <span aria-hidden="true">{STATUS_LABEL[s].symbol}</span> {STATUS_LABEL[s].label}{' '}
            <span className="count" data-count={s}>
              {counts ? `${counts[s].toLocaleString('en-GB')}${first.data?.countsCapped ? '+' : ''}` : '…'}
            </span>
          </button>
        ))}
      </fieldset>
      <p className="counts" role="status" aria-live="polite">
        {first.data ? (
          <>
            <strong>
              {total.toLocaleString('en-GB')}
              {counted.capped ? '+' : ''}
            </strong>{' '}
            {total === 1 && !counted.capped ? 'claim matches' : 'claims match'}
            {counted.capped ? ' (counted this far; scroll on for more)' : ''}
            {first.isFetching ? ' (updating…)' : ''}
          </>
        ) : (
          ' '
        )}
      </p>
      {first.isLoading && (
        <p className="state" role="status">
          Loading claims…
        </p>
      )}
      {first.isError && (
        <div className="state" role="alert">
          <p>Claims could not be loaded: {first.error.message}</p>
          <button type="button" className="btn" onClick={() => void first.refetch()}>
            Try again
          </button>
        </div>
      )}
      {first.data && total === 0 && (
        <div className="state">
          <p>No claim matches these filters.</p>
          {hasFilters && (
            <button type="button" className="btn" onClick={() => setParams(new URLSearchParams())}>
              Clear filters
            </button>
          )}
        </div>
      )}
      <div ref={parentRef} className="queue" hidden={!first.data || total === 0} tabIndex={-1}>
        <ul
          className="queue-list"
          aria-label="Claims"
          style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
        >
          {virtualRows.map((row) => {
            const c = rowAt(row.index);
            const style = {
              position: 'absolute' as const,
              top: 0,
              left: 0,
              right: 0,
              height: row.size,
              transform: `translateY(${row.start}px)`,
            };
            if (!c) {
              return (
                <li
                  key={`${filterKey}:${row.index}`}
                  data-index={row.index}
                  className="queue-row is-loading"
                  style={style}
                  aria-setsize={total}
                  aria-posinset={row.index + 1}
                >
                  <span className="hint">Loading claim {row.index + 1}…</span>
                </li>
              );
            }
            return (
              <li
                key={c.id}
                data-index={row.index}
                className={`queue-row${active === row.index ? ' is-active' : ''}`}
                style={style}
                aria-setsize={total}
                aria-posinset={row.index + 1}
              >
                <StatusBadge status={c.status} />
                <Link
                  to={`/articles/${c.articleId}?claim=${c.id}`}
                  className="queue-text"
                  onFocus={() => {
                    live.current.active = row.index;
                    setActive(row.index);
                  }}
                >
                  <span className="queue-kind">{c.kind === 'figure' ? 'Figure' : 'Statement'}:</span>{' '}
                  <span>{c.text}</span>
                </Link>
                <span className="queue-meta">
                  {c.sourceCanonical ?? 'unknown source'} · side {c.side}
                  {c.figure ? ` · ${words(c.figure.category)} ${c.figure.value.toLocaleString('en-GB')}` : ''}
                  {c.asOf ? ` · as of ${c.asOf}` : ''} · {titles.get(c.articleId) ?? 'article'}
                </span>
              </li>
            );
          })}
        </ul>
      </div>
      <p className="hint">
        <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> opens the claim, <kbd>/</kbd> searches, <kbd>?</kbd> shows
        every shortcut.
      </p>
      {showHelp && <ShortcutHelp onClose={() => setShowHelp(false)} />}
    </section>
  );
}

/** A text filter: typing stays local and reaches the URL after a pause, so Back undoes a search, not a letter. */
function TypedFilter({
  label,
  name,
  value,
  onCommit,
  inputRef,
  placeholder,
}: {
  label: string;
  name: string;
  value: string;
  onCommit: (value: string) => void;
  inputRef?: RefObject<HTMLInputElement | null>;
  placeholder?: string;
}) {
  const [text, setText] = useState(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const committed = useRef(value);
  useEffect(() => {
    // Back, Forward and "Clear filters" change the URL under the field (a late render of this
    // field's own earlier commit is not one of them).
    if (value !== committed.current && isCurrentUrlParam(name, value)) {
      clearTimeout(timer.current);
      committed.current = value;
      setText(value);
    }
  }, [name, value]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const commit = (v: string) => {
    clearTimeout(timer.current);
    if (v.trim() === committed.current) return;
    committed.current = v.trim();
    onCommit(v.trim());
  };
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <input
        id={`f-${name}`}
        ref={inputRef}
        type="search"
        name={name}
        value={text}
        placeholder={placeholder}
        onChange={(e) => {
          const v = e.target.value;
          setText(v);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => commit(v), TYPING_DELAY_MS);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit(text);
        }}
      />
    </div>
  );
}

/**
 * The article filter: a search that asks the server for a few matching titles as the editor
 * types, and a list of those (with the chosen one), not an option for every article on the desk.
 */
function ArticleFilter({ value, onChange }: { value: string; onChange: (articleId: string) => void }) {
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const matches = useQuery({ ...articleTitlesQuery({ q: search }), placeholderData: keepPreviousData });
  const chosen = useQuery(articleTitlesQuery({ ids: value ? [value] : [] }));
  const options = [...(chosen.data?.items ?? []), ...(matches.data?.items ?? []).filter((a) => a.id !== value)];
  return (
    <>
      <div className="field">
        <label htmlFor="f-article-search">Find article</label>
        <input
          id="f-article-search"
          type="search"
          value={text}
          placeholder="title words"
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="f-article">Article</label>
        <select id="f-article" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">any article</option>
          {value && !chosen.data?.items.length && <option value={value}>this article</option>}
          {options.map((a) => (
            <option key={a.id} value={a.id}>
              {articleOption(a.publishedOn, a.title)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/** The queue filtered by one source entity (from a source page): every spelling of it. */
function SourceEntityFilter({ id, onClear }: { id: string; onClear: () => void }) {
  const source = useQuery(sourceQuery(id));
  return (
    <div className="field source-entity-filter">
      <span>Source entity</span>
      <span>
        <Link to={`/sources/${id}`}>{source.data?.name ?? '…'}</Link>{' '}
        <button type="button" className="btn btn-small" onClick={onClear} aria-label="Remove the source entity filter">
          ×
        </button>
      </span>
    </div>
  );
}
