import { type Stats, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './cli-error.ts';

/** Expands folders into their .txt files (sorted); keeps files as given. */
export function collectArticleFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch {
      throw new CliError(`${path}: no such file or folder`);
    }
    if (stats.isDirectory()) {
      const inFolder = readdirSync(path)
        .filter((name) => name.toLowerCase().endsWith('.txt'))
        .sort()
        .map((name) => join(path, name));
      if (inFolder.length === 0) throw new CliError(`${path}: folder holds no .txt articles`);
      files.push(...inFolder);
    } else {
      files.push(path);
    }
  }
  return files;
}
