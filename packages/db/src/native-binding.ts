import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * better-sqlite3 is a V8 addon, not Node-API: its compiled file works only on the Node line it was
 * built for (NODE_MODULE_VERSION 115 = Node 20, 137 = Node 24). `npm ci` builds it for the Node that
 * runs npm; `node scripts/node-line.mjs` builds it for another line beside it, here. Without a
 * build for the running Node, loading it fails ("compiled against a different Node.js version"),
 * which Prisma's migration engine reports only as "External error id#0".
 */
export const NATIVE_BINDINGS_DIR = join(
  fileURLToPath(new URL('../../..', import.meta.url)),
  'node_modules',
  '.cache',
  'claimdesk-native',
);

/** The better-sqlite3 build for this process's Node line, when one was made beside the default. */
export function sqliteNativeBinding(): string | undefined {
  const file = join(
    NATIVE_BINDINGS_DIR,
    `better-sqlite3-node${process.versions.modules}-${process.platform}-${process.arch}.node`,
  );
  return existsSync(file) ? file : undefined;
}

/** better-sqlite3 options that load the build for this Node line, if there is one. */
export function sqliteDriverOptions(): { nativeBinding?: string } {
  const nativeBinding = sqliteNativeBinding();
  return nativeBinding ? { nativeBinding } : {};
}

/**
 * Why better-sqlite3 cannot be loaded by this process (null when it can). Prisma's wasm migration
 * engine turns that failure into "External error id#0"; this names the real cause.
 */
export function sqliteLoadError(options: { nativeBinding?: string } = sqliteDriverOptions()): string | null {
  try {
    const BetterSqlite3 = createRequire(import.meta.url)('better-sqlite3') as new (
      file: string,
      options: { nativeBinding?: string },
    ) => { close(): void };
    new BetterSqlite3(':memory:', options).close();
    return null;
  } catch (error) {
    return (error instanceof Error ? error.message : String(error)).split('\n').slice(0, 3).join(' ');
  }
}
