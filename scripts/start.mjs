// `npm start`: build the app (turbo caches it), then migrate, seed an empty database with the
// sample article and serve API and app on http://localhost:${PORT:-3000}.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(process.execPath, [join(root, 'scripts/prisma-generate.mjs')]);
run(join(root, 'node_modules/.bin/turbo'), ['run', 'build', '--filter=@claimdesk/web', '--output-logs=errors-only']);
run(process.execPath, [join(root, 'apps/cli/bin/claimdesk.js'), 'serve', ...process.argv.slice(2)]);
