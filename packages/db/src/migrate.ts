import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { sqliteDriverOptions, sqliteLoadError } from './native-binding.ts';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { ConnectionConfig, Provider } from './connection.ts';
import { toPgPoolConfig } from './connection.ts';
import { unwritableSqliteFile } from './sqlite-access.ts';

/** Repository root: packages/db/src -> ../../.. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');

export function prismaDir(provider: Provider): string {
  return join(repoRoot, 'prisma', provider);
}

interface WasmSchemaEngine {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

interface Disposable {
  dispose(): Promise<void>;
}

/**
 * The engine never closes what it connects (and takes SQLite's lock in EXCLUSIVE mode), so the
 * factory remembers its connections for `disposeAll`.
 */
function createMigrationAdapterFactory(config: ConnectionConfig) {
  const inner =
    config.provider === 'postgresql'
      ? new PrismaPg({ ...toPgPoolConfig(config.url), max: 2 })
      : new PrismaBetterSqlite3({ url: config.url, timeout: 10_000, ...sqliteDriverOptions() });
  const opened: Disposable[] = [];
  const factory = {
    provider: inner.provider as 'sqlite' | 'postgres',
    adapterName: inner.adapterName,
    async connect() {
      const adapter = await inner.connect();
      opened.push(adapter);
      return adapter;
    },
    async connectToShadowDb() {
      const adapter = await inner.connectToShadowDb();
      opened.push(adapter);
      return adapter;
    },
  };
  const disposeAll = async () => {
    await Promise.allSettled(opened.splice(0).map((a) => a.dispose()));
  };
  return { factory, disposeAll };
}

/**
 * Prisma's schema engine as WebAssembly: the native engine is a download, which these offline
 * machines cannot make. The wasm engine writes the same `_prisma_migrations` history as
 * `prisma migrate deploy` would.
 */
// The Node typings on this toolchain do not declare WebAssembly; these are the parts used here.
type WasmExports = Record<string, unknown>;
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: WasmExports } }>;
};

type WasmModule = {
  __wbg_set_wasm(exports: WasmExports): void;
  SchemaEngine: { new: (opts: unknown, log: (msg: string) => void, adapter: unknown) => Promise<WasmSchemaEngine> };
};

let wasmModule: Promise<WasmModule> | undefined;

/** The wasm module keeps global state: instantiate it once per process. */
function loadWasmModule(): Promise<WasmModule> {
  wasmModule ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const bg = (await import(pathToFileURL(bgPath).href)) as WasmModule;
    const bytes = readFileSync(join(dirname(bgPath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    const start = instance.exports.__wbindgen_start;
    if (typeof start === 'function') start();
    return bg;
  })();
  return wasmModule;
}

async function withSchemaEngine<T>(
  config: ConnectionConfig,
  datamodel: string,
  run: (engine: WasmSchemaEngine) => Promise<T>,
): Promise<T> {
  const bg = await loadWasmModule();
  const { factory, disposeAll } = createMigrationAdapterFactory(config);
  const engine = await bg.SchemaEngine.new(
    { datamodels: [['schema.prisma', datamodel]] },
    // The engine logs every statement it runs; keep it quiet unless asked.
    (msg: string) => {
      if (process.env.DEBUG_SCHEMA_ENGINE) console.error(msg);
    },
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await run(engine);
  } finally {
    engine.free();
    await disposeAll();
  }
}

function readMigrationsList(provider: Provider) {
  const baseDir = join(prismaDir(provider), 'migrations');
  const dirs = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const lockPath = join(baseDir, 'migration_lock.toml');
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: existsSync(lockPath) ? readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: readFileSync(join(baseDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

/** Names of the migration folders this build ships for the provider. */
function shippedMigrationNames(provider: Provider): string[] {
  const baseDir = join(prismaDir(provider), 'migrations');
  if (!existsSync(baseDir)) return [];
  return readdirSync(baseDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
}

const HISTORY_SQL = 'SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations';
type HistoryRow = { migration_name: string; finished_at: unknown; rolled_back_at: unknown };

/**
 * The migrations the database has finished, read from `_prisma_migrations` with the plain driver
 * (milliseconds; starting the wasm schema engine costs seconds). null when there is no history
 * yet, it cannot be read, or a migration failed half-way: the engine decides those.
 */
async function readAppliedMigrations(config: ConnectionConfig): Promise<Set<string> | null> {
  let rows: HistoryRow[];
  try {
    if (config.provider === 'sqlite') {
      if (config.url === ':memory:' || !existsSync(config.url)) return null;
      const { default: BetterSqlite3 } = await import('better-sqlite3');
      const conn = new BetterSqlite3(config.url, { fileMustExist: true, timeout: 0, ...sqliteDriverOptions() });
      try {
        rows = conn.prepare(HISTORY_SQL).all() as HistoryRow[];
      } finally {
        conn.close();
      }
    } else {
      const { default: pg } = await import('pg');
      const client = new pg.Client(toPgPoolConfig(config.url));
      await client.connect();
      try {
        rows = (await client.query<HistoryRow>(HISTORY_SQL)).rows;
      } finally {
        await client.end();
      }
    }
  } catch {
    return null;
  }
  if (rows.some((r) => r.finished_at === null && r.rolled_back_at === null)) return null;
  return new Set(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name));
}

/** The shipped migrations the database has not applied (all of them when it has no history). */
async function pendingMigrations(config: ConnectionConfig): Promise<string[] | null> {
  const applied = await readAppliedMigrations(config);
  if (!applied) return null;
  return shippedMigrationNames(config.provider).filter((name) => !applied.has(name));
}

/**
 * Applies every pending migration of the provider's folder; returns the names applied. When the
 * history table already lists every shipped migration, the schema engine is not started at all
 * (this is what lets `npm start` serve within a second and a half).
 */
export async function migrateDatabase(config: ConnectionConfig): Promise<string[]> {
  if ((await pendingMigrations(config))?.length === 0) return [];
  if (config.provider === 'sqlite' && config.url !== ':memory:') mkdirSync(dirname(config.url), { recursive: true });
  const datamodel = readFileSync(join(prismaDir(config.provider), 'schema.prisma'), 'utf8');
  try {
    return await withSchemaEngine(config, datamodel, async (engine) => {
      const out = await engine.applyMigrations({
        migrationsList: readMigrationsList(config.provider),
        filters: noFilters,
      });
      return out.appliedMigrationNames;
    });
  } catch (error) {
    // A read-only volume or file: the wasm engine says only "disk I/O error".
    const readOnly = config.provider === 'sqlite' ? unwritableSqliteFile(config.url, error) : null;
    if (readOnly) throw readOnly;
    // The wasm engine reports a SQLite file held by another process as an opaque socket timeout.
    const text = error instanceof Error ? error.message : String(error);
    if (config.provider === 'sqlite' && /SocketTimeout|database is locked|SQLITE_BUSY/i.test(text)) {
      throw new Error(
        `${config.url} is in use by another process (a running claimdesk server?) and has migrations to apply: stop it, run \`npx claimdesk db migrate\`, then start it again`,
      );
    }
    // A better-sqlite3 built for another Node line: the wasm engine only says "External error id#0".
    const driverError = config.provider === 'sqlite' && /External error/i.test(text) ? sqliteLoadError() : null;
    if (driverError) {
      throw new Error(
        `the SQLite driver (better-sqlite3) cannot be loaded by Node ${process.version} (NODE_MODULE_VERSION ${process.versions.modules}; a build for another Node line does not load): ${driverError} Install with this Node (npm ci), or run \`node scripts/node-line.mjs ${process.versions.node.split('.')[0]}\` to build it for this line beside the other`,
        { cause: error },
      );
    }
    throw error;
  }
}

/** SQL that takes a database from the `from` schema (or nothing) to the `to` schema. */
export async function diffSchemas(config: ConnectionConfig, from: string | null, to: string): Promise<string> {
  return withSchemaEngine(config, to, async (engine) => {
    const target = (content: string) => ({ tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content }] });
    const out = await engine.diff({
      from: from === null ? { tag: 'empty' } : target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return out.stdout ?? '';
  });
}
