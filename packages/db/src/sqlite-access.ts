import { accessSync, constants, existsSync } from 'node:fs';
import { dirname } from 'node:path';

/** Thrown when the SQLite file or its folder cannot be written; faults.ts names it read_only. */
export class SqliteReadOnlyError extends Error {
  override name = 'SqliteReadOnlyError';
}

/** Why the file or its folder cannot be written (EROFS, EACCES), or null when both can. */
export function unwritableSqliteFile(file: string, cause: unknown): SqliteReadOnlyError | null {
  if (file === ':memory:') return null;
  for (const path of existsSync(file) ? [file, dirname(file)] : [dirname(file)]) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'EACCES';
      return new SqliteReadOnlyError(`${path} cannot be written (${code})`, { cause });
    }
  }
  return null;
}
