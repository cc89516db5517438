import type { Claim, ReferenceComparison, ReferenceEvidence } from '@claimdesk/contracts';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { claimReferenceQuery } from '../api/queries.ts';

export interface CitedReference {
  id: string;
  label: string;
}

const words = (s: string) => s.replaceAll('_', ' ');
const num = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });

export const referenceLabel = (r: Pick<ReferenceEvidence, 'dataset' | 'value' | 'category' | 'date' | 'subject'>) =>
  `${r.dataset}: ${num(r.value)} ${words(r.category)} (${r.subject}) on ${r.date}`;

/**
 * The reference rows a verdict will cite, for one claim. One key (e) cites the row the API
 * suggests (the total on the claim's as-of date); a new claim starts with none.
 */
export function useReferenceEvidence(claim: Claim) {
  const [cited, setCited] = useState<CitedReference[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const reference = useQuery({ ...claimReferenceQuery(claim.id), enabled: claim.kind === 'figure' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on the claim's identity only
  useEffect(() => {
    setCited([]);
    setNotice(null);
  }, [claim.id]);

  const cite = (comparison: ReferenceComparison) => {
    const point = comparison.evidencePoint;
    if (!point) return;
    const label = referenceLabel({
      dataset: comparison.dataset.name,
      value: point.value,
      category: comparison.category,
      subject: comparison.subject,
      date: point.date,
    });
    setCited((list) => (list.some((c) => c.id === point.id) ? list : [...list, { id: point.id, label }]));
    setNotice(`Added as evidence: ${label}.`);
  };
  const citeSuggested = () => {
    const comparison = reference.data?.comparisons.find((c) => c.evidencePoint !== null);
    if (comparison) cite(comparison);
    else
      setNotice(
        claim.kind !== 'figure'
          ? 'Only figures have reference rows to cite.'
          : reference.isLoading
            ? 'The reference series is still loading; press e again in a moment.'
            : 'No reference row to cite for this claim.',
      );
  };
  return {
    cited,
    ids: cited.map((c) => c.id),
    notice,
    cite,
    citeSuggested,
    remove: (id: string) => setCited((list) => list.filter((c) => c.id !== id)),
    clear: () => {
      setCited([]);
      setNotice(null);
    },
  };
}

export type ReferenceEvidenceState = ReturnType<typeof useReferenceEvidence>;

/** The reference rows chosen as evidence, inside the verdict form. */
export function CitedReferences({ evidence }: { evidence: ReferenceEvidenceState }) {
  return (
    <div className="cited-references">
      {evidence.cited.length > 0 && (
        <ul aria-label="Reference rows cited as evidence">
          {evidence.cited.map((c) => (
            <li key={c.id}>
              <span className="cited-reference">{c.label}</span>{' '}
              <button
                type="button"
                className="btn-small"
                aria-label={`Remove ${c.label}`}
                onClick={() => evidence.remove(c.id)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {evidence.notice && (
        <p className="hint" role="status">
          {evidence.notice}
        </p>
      )}
    </div>
  );
}

/** Reference rows a saved verdict cited, in its history. */
export function VerdictReferences({ references }: { references: ReferenceEvidence[] }) {
  if (references.length === 0) return null;
  return (
    <ul className="links verdict-references" aria-label="Reference rows cited">
      {references.map((r) => (
        <li key={`${r.dataset}-${r.date}-${r.category}`}>
          <a href={r.url} rel="noreferrer noopener" target="_blank">
            {referenceLabel(r)}
          </a>{' '}
          <span className="hint">({r.licence})</span>
        </li>
      ))}
    </ul>
  );
}
