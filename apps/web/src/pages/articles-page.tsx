import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useLocation, useSearchParams } from 'react-router';
import { ARTICLES_PAGE_SIZE, articlesQuery } from '../api/queries.ts';

export function ArticlesPage({ isAdmin = false }: { isAdmin?: boolean }) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const articles = useQuery({ ...articlesQuery(page), placeholderData: keepPreviousData });
  const pages = Math.max(1, Math.ceil((articles.data?.total ?? 0) / ARTICLES_PAGE_SIZE));
  const goTo = (p: number) => setParams(p === 1 ? {} : { page: String(p) });
  const deleted = (useLocation().state as { deleted?: string } | null)?.deleted;
  return (
    <section aria-labelledby="articles-title">
      <h1 id="articles-title">Articles</h1>
      {deleted && (
        <p role="status" className="message message-ok">
          Deleted “{deleted}” with its claims.
        </p>
      )}
      {articles.isLoading && <p className="state">Loading articles…</p>}
      {articles.isError && (
        <p className="state" role="alert">
          Articles could not be loaded: {articles.error.message}
        </p>
      )}
      {articles.data?.items.length === 0 && (
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
                <th scope="col">Article</th>
                <th scope="col">Date</th>
                <th scope="col">Outlet</th>
                <th scope="col">Pending</th>
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
            Newer
          </button>{' '}
          <span>
            Page {page} of {pages} ({articles.data.total.toLocaleString('en-GB')} articles)
          </span>{' '}
          <button type="button" disabled={page >= pages} onClick={() => goTo(page + 1)}>
            Older
          </button>
        </nav>
      )}
    </section>
  );
}
