import type { Correction } from '@claimdesk/contracts';

type CorrectionRow = {
  id: string;
  claimId: string;
  kind: string;
  before: string;
  after: string;
  note: string;
  authorName: string;
  version: number;
  createdAt: Date;
};

export function toCorrection(row: CorrectionRow): Correction {
  return {
    id: row.id,
    claimId: row.claimId,
    kind: row.kind as Correction['kind'],
    before: JSON.parse(row.before) as Record<string, unknown>,
    after: JSON.parse(row.after) as Record<string, unknown>,
    note: row.note,
    author: row.authorName,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}
