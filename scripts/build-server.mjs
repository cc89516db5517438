// Bundles the command line (and with it the API server, the parser, the contracts and the Prisma
// clients) into one ES module, apps/cli/dist/claimdesk.mjs, so that `npm start` runs compiled
// JavaScript instead of compiling TypeScript through tsx on every start. Packages from
// node_modules stay imports (resolved from apps/cli/dist, like the sources they replace); the
// workspaces are bundled. The file sits three levels below the repository root, as the sources
// do, so paths computed from import.meta.url (the repository root, the app's dist) stay right.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const serverBundle = join(root, 'apps/cli/dist/claimdesk.mjs');

/** What the bundle is made of; the generate stamp changes with every `prisma generate`. */
const serverInputs = [
  'apps/cli/src',
  'apps/api/src',
  'packages/db/src',
  'packages/parser/src',
  'packages/contracts/src',
  'packages/db/src/generated/.schema-hash',
  'package-lock.json',
  'scripts/build-server.mjs',
];

/** The newest modification time of any file under these paths (node_modules, dist, generated and tests skipped). */
export function newest(paths) {
  let latest = 0;
  const visit = (path, top) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry !== 'node_modules' && entry !== 'dist' && entry !== 'generated') visit(join(path, entry), false);
      }
    } else if (top || !/\.test\.ts$/.test(path)) latest = Math.max(latest, stat.mtimeMs);
  };
  for (const p of paths) visit(join(root, p), true);
  return latest;
}

export function isServerBuilt() {
  return existsSync(serverBundle) && statSync(serverBundle).mtimeMs >= newest(serverInputs);
}

export async function buildServer() {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(root, 'apps/cli/src/main.ts')],
    outfile: serverBundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [
      {
        name: 'external-packages',
        setup(build) {
          // Every bare import but the workspaces' stays an import of node_modules.
          build.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@claimdesk/') ? undefined : { path: args.path, external: true },
          );
        },
      },
    ],
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildServer();
