import type { Claim } from '@claimdesk/contracts';
import { isDraft } from '../api/publication-queries.ts';

/** Draft or public at a glance, in words (never colour alone). */
export function PublicationBadge({ claim }: { claim: Claim }) {
  if (isDraft(claim))
    return (
      <span className="badge badge-draft" data-publication="draft" title="Only the desk sees this verdict">
        Draft
      </span>
    );
  if (claim.retraction)
    return (
      <span className="badge badge-retracted" data-publication="retracted" title={claim.retraction.note}>
        Retracted
      </span>
    );
  if (claim.publishedStatus !== 'pending')
    return (
      <span className="badge badge-public" data-publication="public" title="Consumers see this verdict">
        Public
      </span>
    );
  return null;
}
