import type { ArticleSort } from '@claimdesk/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ARTICLES_PAGE_SIZE, articlesQuery } from '../api/queries.ts';

/** Each sort's first direction, as the server's default: newest, A to Z, most pending first. */
const FIRST_DIR: Record<ArticleSort, 'asc' | 'desc'> = {
  imported: 'desc',
  date: 'desc',
  outlet: 'asc',
  title: 'asc',
  pending: 'desc',
};
const SORTS = new Set<string>(Object.keys(FIRST_DIR));

/**
 * Every article, a page at a time. Sort, search, outlet and page live in the URL (`?sort=title&q=
 * kyiv&outlet=Reuters&page=2`), so a reload or a shared link shows the same list; the server sorts
 * and filters.
 */
export function ArticlesPage({ isAdmin = false }: { isAdmin?: boolean }) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const sortParam = params.get('sort') ?? '';
  const sort: ArticleSort = SORTS.has(sortParam) ? (sortParam as ArticleSort) : 'imported';
  const dir = params.get('dir') === 'asc' || params.get('dir') === 'desc' ? params.get('dir') : FIRST_DIR[sort];
  const q = params.get('q') ?? '';
  const outlet = params.get('outlet') ?? '';
  const request = new URLSearchParams();
  if (sort !== 'imported') request.set('sort', sort);
  if (dir !== FIRST_DIR[sort]) request.set('dir', dir ?? '');
  if (q) request.set('q', q);
  if (outlet) request.set('outlet', outlet);
  if (page > 1) request.set('page', String(page));
  const articles = useQuery({ ...articlesQuery(request), placeholderData: keepPreviousData });
  const pages = Math.max(1, Math.ceil((articles.data?.total ?? 0) / ARTICLES_PAGE_SIZE));
  /** A change of sort, search or outlet starts again at page 1. */
  const change = (next: Record<string, string | null>, keepPage = false) => {
    const merged = new URLSearchParams(request);
    if (!keepPage) merged.delete('page');
    for (const [k, v] of Object.entries(next)) {
      if (v) merged.set(k, v);
      else merged.delete(k);
    }
    setParams(merged, { replace: 'q' in next });
  };
  const goTo = (p: number) => change({ page: p === 1 ? null : String(p) }, true);
  const sortBy = (s: ArticleSort) => {
    const nextDir = s === sort ? (dir === 'asc' ? 'desc' : 'asc') : FIRST_DIR[s];
    change({ sort: s === 'imported' ? null : s, dir: nextDir === FIRST_DIR[s] ? null : nextDir });
  };
  // The search box types freely; the URL (and the request) follow a moment after the last key.
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  useEffect(() => {
    if (typed.trim() === q) return;
    const timer = setTimeout(() => change({ q: typed.trim() || null }), 300);
    return () => clearTimeout(timer);
  });
  const searchId = useId();
  const outletId = useId();
  const deleted = (useLocation().state as { deleted?: string } | null)?.deleted;
  const filtered = q !== '' || outlet !== '';
  const header = (label: string, s: ArticleSort, extra?: string) => (
    <th scope="col" className={extra} aria-sort={sort === s ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <button type="button" className="sort-button" onClick={() => sortBy(s)}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {sort === s ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );
  return (
    <section aria-labelledby="articles-title">
      <h1 id="articles-title">Articles</h1>
      {deleted && (
        <p role="status" className="message message-ok">
          Deleted “{deleted}” with its claims.
        </p>
      )}
      <search className="list-filters" aria-label="Find articles">
        <label htmlFor={searchId}>Title</label>
        <input
          id={searchId}
          type="search"
          value={typed}
          placeholder="words in the title"
          onChange={(e) => setTyped(e.target.value)}
        />
        <label htmlFor={outletId}>Outlet</label>
        <select id={outletId} value={outlet} onChange={(e) => change({ outlet: e.target.value || null })}>
          <option value="">every outlet</option>
          {outlet && !articles.data?.outlets.includes(outlet) && <option value={outlet}>{outlet}</option>}
          {articles.data?.outlets.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
        {filtered && (
          <button type="button" className="btn btn-small" onClick={() => change({ q: null, outlet: null })}>
            Clear
          </button>
        )}
        {sort !== 'imported' && (
          <button type="button" className="btn btn-small" onClick={() => change({ sort: null, dir: null })}>
            Newest import first
          </button>
        )}
        {articles.data && (
          <span className="muted" aria-live="polite">
            {articles.data.total.toLocaleString('en-GB')} {articles.data.total === 1 ? 'article' : 'articles'}
            {filtered ? ' found' : ''}
          </span>
        )}
      </search>
      {articles.isLoading && <p className="state">Loading articles…</p>}
      {articles.isError && (
        <p className="state" role="alert">
          Articles could not be loaded: {articles.error.message}
        </p>
      )}
      {articles.data?.items.length === 0 && filtered && <p className="state">No article matches.</p>}
      {articles.data?.items.length === 0 && !filtered && (
        <p className="state">
          No articles yet.{' '}
          {isAdmin ? (
            <>
              <Link to="/admin/import">Import articles</Link> (text, web pages, JSON or CSV), or use{' '}
              <code>npx claimdesk import PATH</code>.
            </>
          ) : (
            <>An admin imports them on the Import page.</>
          )}
        </p>
      )}
      {articles.data && articles.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="articles">
            <thead>
              <tr>
                {header('Article', 'title')}
                {header('Date', 'date')}
                {header('Outlet', 'outlet')}
                {header('Pending', 'pending', 'numeric')}
                <th scope="col">Verified</th>
                <th scope="col">Disputed</th>
                <th scope="col">Unverifiable</th>
                <th scope="col">Reviewed</th>
              </tr>
            </thead>
            <tbody>
              {articles.data.items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <Link to={`/articles/${a.id}`} className="article-title" title={a.title}>
                      {a.title}
                    </Link>
                  </td>
                  <td data-label="Date">{a.publishedOn ?? '—'}</td>
                  <td data-label="Outlet">{a.outlet ?? '—'}</td>
                  <td data-count="pending" data-label="Pending">
                    {a.counts.pending}
                  </td>
                  <td data-count="verified" data-label="Verified">
                    {a.counts.verified}
                  </td>
                  <td data-count="disputed" data-label="Disputed">
                    {a.counts.disputed}
                  </td>
                  <td data-count="unverifiable" data-label="Unverifiable">
                    {a.counts.unverifiable}
                  </td>
                  <td className="reviewed" data-label="Reviewed">
                    <progress
                      max={a.counts.total || 1}
                      value={a.counts.total - a.counts.pending}
                      aria-label={`${a.counts.total - a.counts.pending} of ${a.counts.total} claims reviewed`}
                    />{' '}
                    {a.counts.pending > 0 ? (
                      <Link to={`/queue?articleId=${a.id}&status=pending`}>{a.counts.pending} to review</Link>
                    ) : (
                      <span>all reviewed</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {articles.data && pages > 1 && (
        <nav className="pager" aria-label="Article pages">
          <button type="button" disabled={page <= 1} onClick={() => goTo(page - 1)}>
            Previous
          </button>{' '}
          <span>
            Page {page} of {pages} ({articles.data.total.toLocaleString('en-GB')} articles)
          </span>{' '}
          <button type="button" disabled={page >= pages} onClick={() => goTo(page + 1)}>
            Next
          </button>
        </nav>
      )}
    </section>
  );
}
