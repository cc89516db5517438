import './sources.css';
import type { SourceClaim, SourceDetail, SourceSummary } from '@claimdesk/contracts';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useDeferredValue, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { sourceQuery, sourcesQuery, useMergeSource, useSplitSource, useUpdateSource } from '../api/source-queries.ts';
import { StatusBadge } from '../components/status.tsx';
import { useUrlText } from '../components/url-params.ts';

const SIDE_LABEL: Record<string, string> = {
  ukraine: 'Ukraine',
  russia: 'Russia',
  other: 'other',
  unknown: 'side unknown',
};

function aliasText(s: SourceSummary) {
  const spellings = [...new Set(s.aliases.flatMap((a) => (a.spellings.length ? a.spellings : [a.name])))];
  return spellings.filter((n) => n !== s.name).join(', ');
}

/** Every source entity, most claims first, with a search that ignores case, accents and transliteration. */
export function SourcesPage() {
  // The field keeps its own text; the URL follows it (url-params.ts).
  const [q, setQ] = useUrlText('q');
  const deferred = useDeferredValue(q);
  const sources = useQuery(sourcesQuery(deferred));
  return (
    <section aria-labelledby="sources-title" className="sources-page">
      <h1 id="sources-title">Sources</h1>
      <p className="hint">
        One entry per person or body, whatever spelling an article used (Zelenskiy, Zelenskyy, Зеленський). Open one to
        see its claims across articles and its verdict record.
      </p>
      <label htmlFor="source-search">Find a source</label>
      <input
        id="source-search"
        type="search"
        value={q}
        placeholder="name or spelling, e.g. Haidai or Gaiday"
        onChange={(e) => setQ(e.target.value)}
      />
      {sources.isError && (
        <p role="alert" className="message message-error">
          {sources.error.message}
        </p>
      )}
      {sources.data && (
        <>
          <p role="status" className="hint">
            {sources.data.total} {sources.data.total === 1 ? 'source' : 'sources'}
            {q ? ` matching “${q}”` : ''}
          </p>
          <table className="articles sources-table">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Side</th>
                <th scope="col">Also spelt</th>
                <th scope="col">Claims</th>
              </tr>
            </thead>
            <tbody>
              {sources.data.items.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/sources/${s.id}`}>{s.name}</Link>
                    {s.role && <span className="hint"> · {s.role}</span>}
                  </td>
                  <td>{SIDE_LABEL[s.side] ?? s.side}</td>
                  <td>{aliasText(s)}</td>
                  <td data-count>{s.claimCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function groupByArticle(claims: SourceClaim[]) {
  const groups = new Map<string, SourceClaim[]>();
  for (const c of claims) groups.set(c.articleId, [...(groups.get(c.articleId) ?? []), c]);
  return [...groups.values()];
}

/** One source: its spellings, its claims across articles and its verdict record; admins merge and split. */
export function SourcePage({ isAdmin }: { isAdmin: boolean }) {
  const { id = '' } = useParams();
  const source = useQuery(sourceQuery(id));
  if (source.isLoading)
    return (
      <p className="state" role="status">
        Loading the source…
      </p>
    );
  if (source.isError || !source.data)
    return (
      <p className="state" role="alert">
        {source.error?.message ?? 'No such source.'} <Link to="/sources">All sources</Link>
      </p>
    );
  const s = source.data;
  return (
    <section aria-labelledby="source-title" className="source-page">
      <p>
        <Link to="/sources">← All sources</Link>
      </p>
      <h1 id="source-title">{s.name}</h1>
      <p className="source-meta">
        {SIDE_LABEL[s.side] ?? s.side}
        {s.role ? ` · ${s.role}` : ''} · {s.claimCount} {s.claimCount === 1 ? 'claim' : 'claims'} ·{' '}
        <Link to={`/queue?sourceId=${s.id}`}>Open in the review queue</Link>
      </p>
      <h2>Verdict record</h2>
      <dl className="source-record" aria-label="Verdict record">
        {(['verified', 'disputed', 'unverifiable', 'pending'] as const).map((status) => (
          <div key={status}>
            <dt>
              <StatusBadge status={status} />
            </dt>
            <dd>{s.record[status]}</dd>
          </div>
        ))}
      </dl>
      <h2>Spellings</h2>
      <Aliases source={s} isAdmin={isAdmin} />
      {isAdmin && <AdminTools key={s.id} source={s} />}
      <h2>Claims across articles</h2>
      {s.claims.length === 0 && <p className="hint">No claims.</p>}
      {s.claims.length >= s.claimLimit && (
        <p className="hint">The first {s.claimLimit} claims, newest article first; the review queue has them all.</p>
      )}
      {groupByArticle(s.claims).map((claims) => {
        const first = claims[0];
        if (!first) return null;
        return (
          <article key={first.articleId} className="source-article" aria-label={first.articleTitle}>
            <h3>
              <Link to={`/articles/${first.articleId}`}>{first.articleTitle}</Link>
            </h3>
            <p className="hint">
              {[first.outlet, first.publishedOn].filter(Boolean).join(' · ')}
              {first.sourceCanonical && first.sourceCanonical !== s.name ? ` · as “${first.sourceCanonical}”` : ''}
            </p>
            <ul>
              {claims.map((c) => (
                <li key={c.id}>
                  <StatusBadge status={c.status} /> <Link to={`/articles/${c.articleId}?claim=${c.id}`}>{c.text}</Link>
                  {c.asOf && <span className="hint"> · as of {c.asOf}</span>}
                </li>
              ))}
            </ul>
          </article>
        );
      })}
    </section>
  );
}

function Aliases({ source, isAdmin }: { source: SourceDetail; isAdmin: boolean }) {
  const navigate = useNavigate();
  const split = useSplitSource((r) => navigate(`/sources/${r.source.id}`));
  return (
    <>
      <ul className="source-aliases">
        {source.aliases.map((a) => (
          <li key={a.id}>
            <strong>{a.name}</strong>
            {a.spellings.filter((n) => n !== a.name).length > 0 && (
              <span className="hint"> (also {a.spellings.filter((n) => n !== a.name).join(', ')})</span>
            )}{' '}
            · {a.claimCount} {a.claimCount === 1 ? 'claim' : 'claims'}
            {isAdmin && source.aliases.length > 1 && (
              <button
                type="button"
                className="btn btn-small"
                disabled={split.isPending}
                onClick={() => split.mutate({ id: source.id, aliasId: a.id })}
              >
                Split off as a source of its own
              </button>
            )}
          </li>
        ))}
      </ul>
      {split.isError && (
        <p role="alert" className="message message-error">
          {split.error.message}
        </p>
      )}
    </>
  );
}

/** Admins: rename, set side and role, merge into another source (every claim follows). */
function AdminTools({ source }: { source: SourceDetail }) {
  const update = useUpdateSource();
  const navigate = useNavigate();
  const merge = useMergeSource((r) => navigate(`/sources/${r.source.id}`, { replace: true }));
  const [name, setName] = useState(source.name);
  const [role, setRole] = useState(source.role ?? '');
  const [side, setSide] = useState<string>(source.side);
  const [target, setTarget] = useState('');
  const deferred = useDeferredValue(target);
  const candidates = useQuery({ ...sourcesQuery(deferred), enabled: deferred.trim().length > 0 });
  const [armed, setArmed] = useState<SourceSummary | null>(null);

  const onSave = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({
      id: source.id,
      ...(name.trim() !== source.name ? { name: name.trim() } : {}),
      side,
      role: role.trim() || null,
    });
  };
  return (
    <div className="source-admin">
      <form onSubmit={onSave} aria-label="Edit the source" className="admin-form">
        <h2>Edit</h2>
        <label htmlFor="source-name">Canonical name</label>
        <input id="source-name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        <label htmlFor="source-side">Side</label>
        <select id="source-side" value={side} onChange={(e) => setSide(e.target.value)}>
          {Object.entries(SIDE_LABEL).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor="source-role">Role</label>
        <input
          id="source-role"
          value={role}
          onChange={(e) => setRole(e.target.value)}
          maxLength={200}
          placeholder="e.g. President of Ukraine"
        />
        <button type="submit" className="btn" disabled={update.isPending}>
          Save
        </button>
        {update.isError && (
          <p role="alert" className="message message-error">
            {update.error.message}
          </p>
        )}
      </form>
      <section className="admin-form" aria-label="Merge into another source">
        <h2>Merge</h2>
        <p className="hint">
          The same person or body under another name? Merge this source into it: its spellings and all{' '}
          {source.claimCount} claims move there, and this entry goes.
        </p>
        <label htmlFor="merge-target">Find the source to merge into</label>
        <input
          id="merge-target"
          type="search"
          value={target}
          onChange={(e) => {
            setTarget(e.target.value);
            setArmed(null);
          }}
          placeholder="name or spelling"
        />
        <ul className="merge-candidates">
          {deferred.trim().length > 0 &&
            candidates.data?.items
              .filter((c) => c.id !== source.id)
              .slice(0, 8)
              .map((c) => (
                <li key={c.id}>
                  {c.name}{' '}
                  <span className="hint">
                    ({aliasText(c) || 'no other spelling'}; {c.claimCount} claims)
                  </span>{' '}
                  <button type="button" className="btn" onClick={() => setArmed(c)}>
                    Merge into {c.name}
                  </button>
                </li>
              ))}
        </ul>
        {armed && (
          <p role="alert" className="merge-confirm">
            Move all {source.claimCount} claims of {source.name} to {armed.name}?{' '}
            <button
              type="button"
              className="btn btn-disputed"
              disabled={merge.isPending}
              onClick={() => merge.mutate({ id: source.id, into: armed.id })}
            >
              Yes, merge
            </button>{' '}
            <button type="button" className="btn" onClick={() => setArmed(null)}>
              Cancel
            </button>
          </p>
        )}
        {merge.isError && (
          <p role="alert" className="message message-error">
            {merge.error.message}
          </p>
        )}
      </section>
    </div>
  );
}
