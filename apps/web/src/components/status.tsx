import type { ReviewStatus } from '@claimdesk/contracts';

/** Status is never told by colour alone: each has a symbol and a word. */
export const STATUS_LABEL: Record<ReviewStatus, { symbol: string; label: string }> = {
  pending: { symbol: '○', label: 'Pending' },
  verified: { symbol: '✓', label: 'Verified' },
  disputed: { symbol: '✗', label: 'Disputed' },
  unverifiable: { symbol: '?', label: 'Unverifiable' },
};

export function StatusBadge({ status }: { status: ReviewStatus }) {
  const { symbol, label } = STATUS_LABEL[status];
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      <span aria-hidden="true">{symbol}</span> {label}
    </span>
  );
}
