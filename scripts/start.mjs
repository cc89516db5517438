// `npm start`: build what changed (the Prisma clients, the app), then migrate, seed an empty
// database with the sample article and serve API and app on http://localhost:${PORT:-3000}.
// On an installed checkout where nothing changed, it goes straight to serving: prisma generate and
// turbo cost seconds even when there is nothing to do, and so would compiling the server's
// TypeScript with tsx. The server runs from one bundle (scripts/build-server.mjs, rebuilt when a
// source is newer), in this process; migrations are skipped when the database has them all.
// `node scripts/measure-start.mjs` prints how long it takes to answer /api/health.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildServer, isServerBuilt, newest, serverBundle } from './build-server.mjs';
import { isGenerated } from './prisma-generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!isGenerated()) run(process.execPath, [join(root, 'scripts/prisma-generate.mjs')]);
const builtApp = join(root, 'apps/web/dist/index.html');
// What the app's bundle is made of: its own sources and the workspaces it imports.
const appInputs = [
  'apps/web/src',
  'apps/web/index.html',
  'apps/web/vite.config.ts',
  'apps/web/package.json',
  'packages/contracts/src',
  'packages/parser/src',
  'package-lock.json',
];
if (!existsSync(builtApp) || statSync(builtApp).mtimeMs < newest(appInputs)) {
  run(join(root, 'node_modules/.bin/turbo'), ['run', 'build', '--filter=@claimdesk/web', '--output-logs=errors-only']);
  // A build replayed from turbo's cache keeps the old file times: mark it as built now.
  const now = new Date();
  utimesSync(builtApp, now, now);
}
if (!isServerBuilt()) await buildServer();
const { main } = await import(pathToFileURL(serverBundle).href);
process.exitCode = await main(['serve', ...process.argv.slice(2)]);
