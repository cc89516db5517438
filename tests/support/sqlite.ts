// A plain better-sqlite3 connection for the tests that hold a lock or look at a file beside the
// API. better-sqlite3 is a V8 addon: on another Node line than the one that installed it (Node 24
// beside Node 20 in `npm test`), only the build that scripts/node-line.mjs made for that line
// loads, and @claimdesk/db names it (sqliteDriverOptions), as for the server. biome.json forbids
// importing better-sqlite3 in tests/ outside this file.
import { sqliteDriverOptions } from '@claimdesk/db';
import BetterSqlite3 from 'better-sqlite3';

export type SqliteConnection = BetterSqlite3.Database;
export type SqliteStatement = BetterSqlite3.Statement;

/** Opens a SQLite file with the better-sqlite3 build for the running Node line. */
export function openSqlite(file: string, options: BetterSqlite3.Options = {}): SqliteConnection {
  return new BetterSqlite3(file, { ...sqliteDriverOptions(), ...options });
}
