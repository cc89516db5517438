// Prints how long `npm start` takes until GET /api/health answers, on an installed checkout where
// nothing changed (the first, preparing start is reported apart). A measurement, not a test: the
// machine's load changes the figures. Usage:
//   node scripts/measure-start.mjs [--runs 5] [--database-url postgres://...]
// Without --database-url it uses a fresh SQLite file in a temporary folder.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { runs: { type: 'string' }, 'database-url': { type: 'string' } } });
const runs = Number(values.runs ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'claimdesk-start-'));
const databaseUrl = values['database-url'] ?? `file:${join(dir, 'start.db')}`;

async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * CPU seconds used so far by every process of a process group (npm, node), from /proc: on a shared,
 * loaded machine this says more than the wall clock. null where there is no /proc.
 */
function groupCpuMs(pgid) {
  try {
    let ticks = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue;
      }
      // Fields after the command name (which may hold spaces): state ppid pgrp ... utime(14) stime(15).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** Starts `npm start`, returns the milliseconds until /api/health answered 200, and stops it. */
async function timeStart() {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--', '--port', String(port)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, CLAIMDESK_ADMIN_PASSWORD: 'measure-start-password-1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
      if (performance.now() - started > 120_000) throw new Error(`no answer from /api/health in 120 s:\n${output}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.ok) return { wall: performance.now() - started, cpu: groupCpuMs(child.pid) };
      } catch {}
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

try {
  const first = await timeStart();
  console.log(`first start (build, migrate, sample data as needed): ${first.wall.toFixed(0)} ms`);
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await timeStart());
  const summary = (values) => {
    const sorted = values.filter((v) => v !== null).sort((a, b) => a - b);
    if (sorted.length === 0) return 'n/a';
    return `median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms, best ${sorted[0].toFixed(0)} ms, worst ${sorted.at(-1).toFixed(0)} ms`;
  };
  console.log(`npm start to /api/health, nothing changed (${runs} runs)`);
  console.log(`  wall clock: ${summary(results.map((r) => r.wall))}`);
  console.log(`  CPU time of npm and the server until then: ${summary(results.map((r) => r.cpu))}`);
  const { loadavg } = await import('node:os');
  console.log(
    `  load average now: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
