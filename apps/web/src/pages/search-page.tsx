import './search.css';
import type { Highlights } from '@claimdesk/contracts';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useDeferredValue, useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { useUrlText } from '../components/url-params.ts';
import { SEARCH_LIMIT, searchQuery } from '../api/search-queries.ts';
import { StatusBadge } from '../components/status.tsx';

/** Text with the matched ranges in <mark>: React elements around plain text, never HTML. */
export function Marked({ text, ranges }: { text: string; ranges: Highlights }) {
  const parts: Array<{ text: string; marked: boolean; at: number }> = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length) continue;
    if (start > at) parts.push({ text: text.slice(at, start), marked: false, at });
    parts.push({ text: text.slice(start, end), marked: true, at: start });
    at = end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false, at });
  return <>{parts.map((p) => (p.marked ? <mark key={p.at}>{p.text}</mark> : <span key={p.at}>{p.text}</span>))}</>;
}

/** A group's total as read: "1,000+" when the server stopped counting (more match than it counted). */
const shownTotal = (group: { total: number; totalCapped?: boolean }) =>
  `${group.total.toLocaleString('en-GB')}${group.totalCapped ? '+' : ''}`;

const more = (group: { total: number; totalCapped?: boolean }, shown: number) =>
  group.total > shown ? ` (first ${shown} of ${shownTotal(group)})` : '';

/** One box over claims, sources and articles; case, accents and transliteration do not matter. */
export function SearchPage() {
  // The box keeps its own text; the URL follows it (url-params.ts).
  const [q, setQ] = useUrlText('q');
  const deferred = useDeferredValue(q);
  const results = useQuery(searchQuery(deferred));
  const input = useRef<HTMLInputElement>(null);
  const location = useLocation();
  const focusKey = (location.state as { focusSearch?: number } | null)?.focusSearch;
  // The box has the focus when the page opens, and again each time `/` is pressed (a new focusKey).
  useEffect(() => {
    input.current?.focus();
    if (focusKey !== undefined) input.current?.select();
  }, [focusKey]);
  const data = results.data;
  return (
    <section aria-labelledby="search-title" className="search-page">
      <h1 id="search-title">Search</h1>
      <div className="search-box">
        <label htmlFor="search-box">Search claims, sources and articles</label>
        <input
          id="search-box"
          ref={input}
          type="search"
          value={q}
          autoComplete="off"
          placeholder="e.g. Zelensky tanks, Kharkov, Гайдай"
          onChange={(e) => setQ(e.target.value)}
        />
      </div>
      <p className="hint">
        Every word must start a word of a claim, its source, or its article's title or outlet. Case, accents and
        Ukrainian/Russian spellings do not matter (Kyiv finds Kiev, Kharkiv finds Kharkov).
      </p>
      {results.isError && (
        <p role="alert" className="message message-error">
          {results.error.message}
        </p>
      )}
      {q && data && (
        <div className="search-results" aria-busy={results.isFetching}>
          <ResultGroup
            id="search-claims"
            title="Claims"
            group={data.claims}
            empty="No claim matches."
            before={
              data.claims.total > SEARCH_LIMIT && (
                <p className="hint">
                  <Link to={`/queue?${new URLSearchParams({ q: data.q })}`}>
                    All {shownTotal(data.claims)} in the review queue
                  </Link>
                </p>
              )
            }
            item={(c) => (
              <>
                <Link to={`/articles/${encodeURIComponent(c.articleId)}?claim=${encodeURIComponent(c.id)}`}>
                  <Marked text={c.text} ranges={c.textHighlights} />
                </Link>
                <span className="search-meta">
                  {c.sourceCanonical && (
                    <span className="search-source">
                      <Marked text={c.sourceCanonical} ranges={c.sourceHighlights} />
                    </span>
                  )}
                  <span className="search-kind">{c.kind}</span>
                  <StatusBadge status={c.status} />
                </span>
              </>
            )}
          />
          <ResultGroup
            id="search-sources"
            title="Sources"
            group={data.sources}
            empty="No source matches."
            item={(s) => (
              <>
                <Link to={`/sources/${encodeURIComponent(s.id)}`}>
                  <Marked text={s.name} ranges={s.nameHighlights} />
                </Link>
                {s.matchedAliases.length > 0 && (
                  <span className="search-meta">
                    also spelt{' '}
                    {s.matchedAliases.map((a, i) => (
                      <span key={a.name}>
                        {i > 0 && ', '}
                        <Marked text={a.name} ranges={a.highlights} />
                      </span>
                    ))}
                  </span>
                )}
                <span className="search-meta">
                  {s.side} · {s.claimCount} {s.claimCount === 1 ? 'claim' : 'claims'}
                </span>
              </>
            )}
          />
          <ResultGroup
            id="search-articles"
            title="Articles"
            group={data.articles}
            empty="No article title or outlet matches."
            item={(a) => (
              <>
                <Link to={`/articles/${encodeURIComponent(a.id)}`}>
                  <Marked text={a.title} ranges={a.titleHighlights} />
                </Link>
                <span className="search-meta">
                  {a.outlet && <Marked text={a.outlet} ranges={a.outletHighlights} />}
                  {a.publishedOn && ` · ${a.publishedOn}`}
                </span>
              </>
            )}
          />
        </div>
      )}
    </section>
  );
}

/**
 * One group of results: its heading with the total (and how many are shown when more match), then
 * the items, or a line that says there are none.
 */
function ResultGroup<T extends { id: string }>(props: {
  id: string;
  title: string;
  group: { total: number; totalCapped?: boolean; items: T[] };
  empty: string;
  before?: ReactNode;
  item: (item: T) => ReactNode;
}) {
  const { id, title, group, empty, before, item } = props;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} <span className="count">{shownTotal(group)}</span>
        <span className="hint">{more(group, group.items.length)}</span>
      </h2>
      {before}
      {group.items.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <ul className="search-list">
          {group.items.map((x) => (
            <li key={x.id}>{item(x)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
