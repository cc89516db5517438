import type { Claim, RelatedClaim, Side } from '@claimdesk/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { Link } from 'react-router';
import { relatedClaimsQuery, useMarkClaims } from '../api/queries.ts';
import { StatusBadge } from './status.tsx';

const SIDE_HEADING: Record<Side, string> = {
  ukraine: 'According to Ukraine',
  russia: 'According to Russia',
  other: 'According to others',
  unknown: 'Source side unknown',
};
const num = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });

/** The same words, or the same value of the same quantity: one verdict can stand for both. */
export function isIdentical(claim: Claim, related: RelatedClaim): boolean {
  if (related.kind === 'statement') return related.similarity === 1;
  return related.value === claim.figure?.value && (related.qualifier ?? 'exact') === claim.figure?.qualifier;
}

function RelatedItem({
  claim,
  related,
  chosen,
  onChoose,
}: {
  claim: Claim;
  related: RelatedClaim;
  chosen: boolean | null;
  onChoose: (isChosen: boolean) => void;
}) {
  const where = [related.outlet ?? related.articleTitle, related.publishedOn].filter(Boolean).join(', ');
  return (
    <li>
      {chosen !== null && (
        <input
          type="checkbox"
          checked={chosen}
          onChange={(e) => onChoose(e.target.checked)}
          aria-label={`Apply this claim's verdict to “${related.text}” in ${where}`}
        />
      )}{' '}
      <StatusBadge status={related.status} />{' '}
      {related.kind === 'figure' && related.value !== null ? (
        <strong>
          {related.qualifier && related.qualifier !== 'exact' ? `${related.qualifier.replace('_', ' ')} ` : ''}
          {num(related.value)}
        </strong>
      ) : null}{' '}
      <Link to={`/articles/${related.articleId}?claim=${related.id}`}>
        {related.kind === 'figure' ? related.text : `“${related.text}”`}
      </Link>
      <span className="hint">
        {' '}
        · {related.sourceCanonical ?? 'unknown source'}
        {related.asOf ? ` · as of ${related.asOf}` : ''} · {where}
        {related.kind === 'statement' && related.similarity !== null && related.similarity < 1
          ? ` · ${Math.round(related.similarity * 100)}% the same words`
          : ''}
        {claim.figure && related.value !== null && related.value === claim.figure.value ? ' · same value' : ''}
      </span>
    </li>
  );
}

/**
 * Beside a claim: what other articles say about the same thing, grouped by the side of the
 * source, so "Russia says X, Ukraine says Y" is one glance.
 */
export function RelatedClaimsPanel({ claim, canReview }: { claim: Claim; canReview: boolean }) {
  const related = useQuery(relatedClaimsQuery(claim.id));
  const ids = useId();
  const total = related.data?.groups.reduce((n, g) => n + g.claims.length, 0) ?? 0;
  const [chosen, setChosen] = useState<string[]>([]);
  const apply = useMarkClaims();
  const verdict = claim.latestVerdict;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new claim starts with nothing chosen
  useEffect(() => {
    setChosen([]);
    apply.reset();
  }, [claim.id]);
  const all = related.data?.groups.flatMap((g) => g.claims) ?? [];
  const applyVerdict = () => {
    if (!verdict) return;
    const claims = all.filter((r) => chosen.includes(r.id)).map((r) => ({ id: r.id, version: r.version }));
    apply.mutate(
      {
        status: verdict.status,
        note: verdict.note,
        evidence: verdict.evidence,
        references: verdict.references.flatMap((r) => (r.pointId ? [r.pointId] : [])),
        claims,
      },
      { onSuccess: () => setChosen([]) },
    );
  };
  return (
    <section className="related" aria-labelledby={`${ids}-related`}>
      <h3 id={`${ids}-related`}>
        {claim.kind === 'figure' ? 'The same quantity in other articles' : 'The same words in other articles'}
        {related.data ? ` (${total})` : ''}
      </h3>
      {related.isLoading && <p className="hint">Looking for related claims…</p>}
      {related.isError && (
        <p role="alert" className="message message-error">
          Related claims could not be loaded: {related.error.message}{' '}
          <button type="button" className="btn-small" onClick={() => void related.refetch()}>
            Retry
          </button>
        </p>
      )}
      {related.data && total === 0 && (
        <p className="hint">
          {claim.kind === 'figure'
            ? `No other article gives this category and whose loss as of ${related.data.withinDays} days either side${claim.asOf ? '' : ' (this figure has no as-of date)'}.`
            : 'No other article reports these words.'}
        </p>
      )}
      {related.data?.groups.map((g) => (
        <div key={g.side} className="related-group">
          <h4>
            <span className={`side-tag side-${g.side}`}>{g.side}</span> {SIDE_HEADING[g.side]}
          </h4>
          <ul>
            {g.claims.map((r) => (
              <RelatedItem
                key={r.id}
                claim={claim}
                related={r}
                chosen={canReview && isIdentical(claim, r) ? chosen.includes(r.id) : null}
                onChoose={(isChosen) =>
                  setChosen((list) => (isChosen ? [...list, r.id] : list.filter((id) => id !== r.id)))
                }
              />
            ))}
          </ul>
        </div>
      ))}
      {canReview && all.some((r) => isIdentical(claim, r)) && (
        <div className="related-apply">
          <button
            type="button"
            className="btn-small"
            disabled={!verdict || chosen.length === 0 || apply.isPending}
            onClick={applyVerdict}
          >
            {verdict
              ? `Apply this claim's verdict (${verdict.status}) to ${chosen.length} chosen`
              : 'Judge this claim first, then apply its verdict to the identical ones'}
          </button>
          {apply.isSuccess && (
            <p role="status" className="message message-ok">
              Saved: {apply.data.items.length} more {apply.data.items.length === 1 ? 'claim' : 'claims'} marked{' '}
              {verdict?.status}, each with its own history entry.
            </p>
          )}
          {apply.isError && (
            <p role="alert" className="message message-error">
              Not saved, none of them: {apply.error.message}
            </p>
          )}
        </div>
      )}
    </section>
  );
}
