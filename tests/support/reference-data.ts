import { join } from 'node:path';
import { importReference, readReferenceFiles } from '@claimdesk/api';
import type { Database } from '@claimdesk/db';

export const GENERAL_STAFF_FILES = ['russia_losses_equipment.json', 'russia_losses_personnel.json'].map((f) =>
  join(import.meta.dirname, '../../sample-data/general-staff-losses', f),
);

/** Loads the General Staff series that ships with claimdesk, as `npm start` does. */
export async function importGeneralStaff(db: Database) {
  const input = readReferenceFiles(GENERAL_STAFF_FILES, { format: 'general-staff' });
  return importReference(db, input.dataset, input.files);
}
