import type { ArticleVersion } from '@claimdesk/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { articleVersionDiffQuery, articleVersionsQuery } from '../api/queries.ts';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function changesText(v: ArticleVersion): string {
  if (!v.changes) return 'first import';
  const c = v.changes;
  return `${c.kept} kept, ${c.added} new, ${c.removed} removed, ${c.notFound} not found`;
}

/**
 * An article imported again with nearly the same text has versions: the list says when each was
 * stored, by whom and what it did to the claims; choosing one shows how its text differs from the
 * version before it (the first: from the current text).
 */
export function ArticleVersions({ articleId, current }: { articleId: string; current: number }) {
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const versions = useQuery({ ...articleVersionsQuery(articleId), enabled: open });
  const [from, to] = selected === null ? [0, 0] : selected === 1 ? [1, current] : [selected - 1, selected];
  const diff = useQuery({ ...articleVersionDiffQuery(articleId, from, to), enabled: selected !== null });
  return (
    <details className="versions" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Versions ({current})</summary>
      {versions.isLoading && <p className="state">Loading versions…</p>}
      {versions.isError && <p role="alert">Versions could not be loaded: {versions.error.message}</p>}
      {versions.data && (
        <ol className="version-list" aria-label="Versions">
          {[...versions.data.items].reverse().map((v) => (
            <li key={v.version}>
              <button
                type="button"
                className="version-choice"
                aria-pressed={selected === v.version}
                onClick={() => setSelected(selected === v.version ? null : v.version)}
              >
                <strong>Version {v.version}</strong>
                {v.current && ' (current)'}
              </button>{' '}
              <span className="muted">
                {when(v.storedAt)}
                {v.storedBy && <> · {v.storedBy}</>} · {changesText(v)}
              </span>
            </li>
          ))}
        </ol>
      )}
      {selected !== null && (
        <section className="version-diff" aria-label={`Changes from version ${from} to version ${to}`}>
          <h3>
            Changes from version {from} to version {to}
            {diff.data && (
              <span className="muted">
                {' '}
                ({diff.data.added} {diff.data.added === 1 ? 'sentence' : 'sentences'} added, {diff.data.removed}{' '}
                removed)
              </span>
            )}
          </h3>
          {diff.isLoading && <p className="state">Comparing…</p>}
          {diff.isError && <p role="alert">The versions could not be compared: {diff.error.message}</p>}
          {diff.data && diff.data.added + diff.data.removed === 0 && <p>The texts are the same.</p>}
          {diff.data && diff.data.added + diff.data.removed > 0 && (
            <div className="diff-text">
              {diff.data.parts.map((p, i) => {
                const key = `${i}-${p.kind}`;
                if (p.kind === 'added')
                  return (
                    <ins key={key}>
                      <span className="sr-only">added: </span>
                      {p.text}
                    </ins>
                  );
                if (p.kind === 'removed')
                  return (
                    <del key={key}>
                      <span className="sr-only">removed: </span>
                      {p.text}
                    </del>
                  );
                if (p.kind === 'skipped')
                  return (
                    <span key={key} className="diff-skipped">
                      {' '}
                      […{(p.chars ?? 0).toLocaleString('en-GB')} characters unchanged…]{' '}
                    </span>
                  );
                return <span key={key}>{p.text}</span>;
              })}
            </div>
          )}
        </section>
      )}
    </details>
  );
}
