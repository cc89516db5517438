// Writes the SQLite and PostgreSQL variants of prisma/schema.prisma and generates a client for
// each. `prisma generate` only needs the schema engine's path to exist (it never runs it), and
// it would otherwise try to download one, which fails offline (see ../shared/docs/stack-notes.md).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = readFileSync(join(root, 'prisma/schema.prisma'), 'utf8');
const prismaBin = join(root, 'node_modules/prisma/build/index.js');
// Written after a generate: the schema and the prisma version the clients were generated from.
const stampPath = join(root, 'packages/db/src/generated/.schema-hash');
const stamp = () => {
  const prismaPackage = join(root, 'node_modules/prisma/package.json');
  const version = existsSync(prismaPackage) ? readFileSync(prismaPackage, 'utf8') : '';
  return createHash('sha256').update(source).update(version).digest('hex');
};

/** Both clients exist and were generated from this schema by this prisma: `npm start` skips generate. */
export function isGenerated() {
  return (
    existsSync(stampPath) &&
    readFileSync(stampPath, 'utf8') === stamp() &&
    ['sqlite', 'postgresql'].every((p) => existsSync(join(root, 'packages/db/src/generated', p)))
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generate();

function generate() {
  if (!existsSync(prismaBin)) {
    console.log('prisma-generate: prisma is not installed yet, skipping');
    return;
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
  writeFileSync(stampPath, stamp());
  console.log('prisma-generate: clients written to packages/db/src/generated/{sqlite,postgresql}');
}
