import { type Stats, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './cli-error.ts';

/**
 * Expands folders into their .txt files (sorted); keeps files as given. A path that does not exist
 * is an error, unless `keepMissing` is set: then it stays in the list so that a command working
 * file by file (import) reports it as one failed file and still processes the others.
 */
export function collectArticleFiles(
  paths: string[],
  { keepMissing = false, extensions = ['.txt'] }: { keepMissing?: boolean; extensions?: string[] } = {},
): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch {
      if (!keepMissing) throw new CliError(`${path}: no such file or folder`);
      files.push(path);
      continue;
    }
    if (stats.isDirectory()) {
      const inFolder = readdirSync(path)
        .filter((name) => extensions.some((ext) => name.toLowerCase().endsWith(ext)))
        .sort()
        .map((name) => join(path, name));
      if (inFolder.length === 0)
        throw new CliError(`${path}: folder holds no article files (${extensions.join(', ')})`);
      files.push(...inFolder);
    } else {
      files.push(path);
    }
  }
  return files;
}
