// Child processes of the tests, always on the Node that runs the tests (process.execPath).
// `npm test` runs the suite on Node 20 and again on Node 24 (scripts/test.mjs); the CLI's
// `#!/usr/bin/env node` and a spawned `npm` would take the first `node` on PATH instead, i.e. test
// another Node line than the one under test, silently. biome.json forbids node:child_process in
// tests/ outside this file.
import {
  type ChildProcess,
  type ChildProcessWithoutNullStreams,
  type SpawnOptionsWithoutStdio,
  type SpawnSyncOptions,
  spawn,
  spawnSync,
} from 'node:child_process';
import { join } from 'node:path';

export type { ChildProcess };

export const ROOT = join(import.meta.dirname, '../..');
/** The command line's entry (what `npx claimdesk` runs: TypeScript through tsx). */
export const CLAIMDESK_ENTRY = join(ROOT, 'apps/cli/bin/claimdesk.js');
/** tsx's command line, for the repository's TypeScript scripts (`npm run eval` and the like). */
export const TSX_ENTRY = join(ROOT, 'node_modules/tsx/dist/cli.mjs');

/** `node ARGS` on this Node, from the repository root, output as text. */
export function spawnNodeSync(args: string[], options: Omit<SpawnSyncOptions, 'encoding'> = {}) {
  return spawnSync(process.execPath, args, { cwd: ROOT, ...options, encoding: 'utf8' });
}

/** `node ARGS` on this Node, from the repository root, running beside the test. */
export function spawnNode(args: string[], options: SpawnOptionsWithoutStdio = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, args, { cwd: ROOT, ...options });
}

/** `claimdesk ARGS` on this Node. */
export function claimdeskSync(args: string[], options: Omit<SpawnSyncOptions, 'encoding'> = {}) {
  return spawnNodeSync([CLAIMDESK_ENTRY, ...args], options);
}

/** `claimdesk ARGS` on this Node, running beside the test. */
export function claimdeskSpawn(args: string[], options: SpawnOptionsWithoutStdio = {}): ChildProcessWithoutNullStreams {
  return spawnNode([CLAIMDESK_ENTRY, ...args], options);
}

/** A system tool that is not Node (`mount`, `umount`): its output as text; throws when it fails. */
export function systemToolSync(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: exit ${result.status}: ${result.stderr}`);
  return result.stdout;
}
