// Writes the SQLite and PostgreSQL variants of prisma/schema.prisma and generates a client for
// each. `prisma generate` only needs the schema engine's path to exist (it never runs it), and
// it would otherwise try to download one, which fails offline (see ../shared/docs/stack-notes.md).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = readFileSync(join(root, 'prisma/schema.prisma'), 'utf8');
const prismaBin = join(root, 'node_modules/prisma/build/index.js');

if (!existsSync(prismaBin)) {
  console.log('prisma-generate: prisma is not installed yet, skipping');
  process.exit(0);
}

for (const provider of ['sqlite', 'postgresql']) {
  const dir = join(root, 'prisma', provider);
  mkdirSync(dir, { recursive: true });
  const header = '// GENERATED from prisma/schema.prisma by scripts/prisma-generate.mjs: edit that file.\n';
  const schemaPath = join(dir, 'schema.prisma');
  writeFileSync(schemaPath, header + source.replaceAll('__PROVIDER__', provider));
  execFileSync(process.execPath, [prismaBin, 'generate', '--schema', schemaPath], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      // biome-ignore lint/suspicious/noUndeclaredEnvVars: read outside turbo (postinstall), so turbo.json need not declare it
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
    },
  });
}
console.log('prisma-generate: clients written to packages/db/src/generated/{sqlite,postgresql}');
