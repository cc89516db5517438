import { categorySchema, reviewStatusSchema, sideSchema } from '@claimdesk/contracts';
import { useQuery } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { claimsQuery } from '../api/queries.ts';
import { StatusBadge } from '../components/status.tsx';

const FILTERS = ['status', 'side', 'category', 'kind', 'source', 'q', 'from', 'to', 'sort', 'order'] as const;

/** Every claim across articles; the filters live in the URL, so a view can be shared and Back works. */
export function QueuePage() {
  const [params, setParams] = useSearchParams();
  const api = new URLSearchParams();
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) api.set(key, value);
  }
  api.set('pageSize', '500');
  api.set('page', params.get('page') ?? '1');
  const claims = useQuery({ ...claimsQuery(api), placeholderData: (prev) => prev });
  const searchRef = useRef<HTMLInputElement | null>(null);
  const parentRef = useRef<HTMLDivElement | null>(null);
  const items = claims.data?.items ?? [];
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => parentRef.current, estimateSize: () => 56, overscan: 10 });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && (e.target as HTMLElement).tagName !== 'INPUT') {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const update = (key: string, value: string) => {
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      next.delete('page');
      return next;
    });
  };
  const total = claims.data?.total ?? 0;
  const page = Number(params.get('page') ?? '1');
  const pages = Math.max(1, Math.ceil(total / 500));

  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">Review queue</h1>
      <form className="filters" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
        <label>Search <input ref={searchRef} type="search" defaultValue={params.get('q') ?? ''} onChange={(e) => update('q', e.target.value)} placeholder="text (/)" /></label>
        <label>Status
          <select value={params.get('status') ?? ''} onChange={(e) => update('status', e.target.value)}>
            <option value="">any</option>
            {reviewStatusSchema.options.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>Side
          <select value={params.get('side') ?? ''} onChange={(e) => update('side', e.target.value)}>
            <option value="">any</option>
            {sideSchema.options.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label>Category
          <select value={params.get('category') ?? ''} onChange={(e) => update('category', e.target.value)}>
            <option value="">any</option>
            {categorySchema.options.map((s) => <option key={s} value={s}>{s.replace('_', ' ')}</option>)}
          </select>
        </label>
        <label>Source <input defaultValue={params.get('source') ?? ''} onChange={(e) => update('source', e.target.value)} /></label>
        <label>From <input type="date" value={params.get('from') ?? ''} onChange={(e) => update('from', e.target.value)} /></label>
        <label>To <input type="date" value={params.get('to') ?? ''} onChange={(e) => update('to', e.target.value)} /></label>
        <label>Sort
          <select value={params.get('sort') ?? 'article'} onChange={(e) => update('sort', e.target.value)}>
            <option value="article">article order</option>
            <option value="updated">last change</option>
            <option value="status">status</option>
            <option value="value">value</option>
            <option value="asOf">date</option>
          </select>
        </label>
      </form>
      {claims.data && (
        <p className="counts" aria-live="polite">
          {total.toLocaleString('en-GB')} claims · {claims.data.counts.pending} pending · {claims.data.counts.verified} verified · {claims.data.counts.disputed} disputed · {claims.data.counts.unverifiable} unverifiable
        </p>
      )}
      {claims.isLoading && <p className="state">Loading claims…</p>}
      {claims.isError && <p className="state" role="alert">Claims could not be loaded: {claims.error.message}</p>}
      {claims.data && items.length === 0 && <p className="state">No claim matches these filters.</p>}
      <div ref={parentRef} className="queue" role="list" aria-label="Claims">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((row) => {
            const c = items[row.index];
            if (!c) return null;
            return (
              <div key={c.id} role="listitem" className="queue-row" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: row.size, transform: `translateY(${row.start}px)` }}>
                <StatusBadge status={c.status} />
                <Link to={`/articles/${c.articleId}?claim=${c.id}`} className="queue-text">{c.text}</Link>
                <span className="queue-meta">{c.sourceCanonical ?? '—'} · {c.side}{c.figure ? ` · ${c.figure.category}` : ''} · {c.asOf ?? ''}</span>
              </div>
            );
          })}
        </div>
      </div>
      {pages > 1 && (
        <nav aria-label="Pages" className="pager">
          <button type="button" disabled={page <= 1} onClick={() => setParams((p) => { const n = new URLSearchParams(p); n.set('page', String(page - 1)); return n; })}>Previous</button>
          <span>page {page} of {pages}</span>
          <button type="button" disabled={page >= pages} onClick={() => setParams((p) => { const n = new URLSearchParams(p); n.set('page', String(page + 1)); return n; })}>Next</button>
        </nav>
      )}
    </section>
  );
}
