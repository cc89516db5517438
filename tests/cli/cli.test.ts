import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT as root, claimdeskSpawn, claimdeskSync } from '../support/node-process.ts';
import { openSqlite } from '../support/sqlite.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const seed = join(root, 'sample-data/00_2022-02-27_jagran.txt');

function claimdesk(args: string[], env: Record<string, string> = {}) {
  const result = claimdeskSync(args, { env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking this process (the test holds a lock the child waits on). */
function claimdeskAsync(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = claimdeskSpawn(args, { env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('claimdesk --version', () => {
  // From the prebuilt bundle when it is up to date (npm test builds it), else from the sources.
  it.each(['0', '1'])(
    'runs on the Node that runs the tests (npm test runs the suite on each supported line); from source: %s',
    (fromSource) => {
      const { code, stdout } = claimdesk(['--version'], { CLAIMDESK_CLI_FROM_SOURCE: fromSource });
      expect(code).toBe(0);
      expect(stdout.trim()).toBe(`claimdesk 0.1.0 on Node ${process.version}`);
    },
  );
});

describe('claimdesk parse', () => {
  it('prints a JSON array with one claim-format element per file', () => {
    const { code, stdout } = claimdesk(['parse', '--json', seed]);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(parsed).toHaveLength(1);
    const [article] = parsed;
    expect(article).toMatchObject({
      file: '00_2022-02-27_jagran.txt',
      publishedOn: '2022-02-27',
      outlet: 'Jagran News Desk',
      byline: 'Aalok Sensharma',
    });
    expect(Array.isArray(article?.statements)).toBe(true);
  });

  it('writes DIR/NAME.json per input with --out', () => {
    const out = mkdtempSync(join(tmpdir(), 'claimdesk-parse-'));
    const { code } = claimdesk(['parse', '--out', out, seed]);
    expect(code).toBe(0);
    expect(readdirSync(out)).toEqual(['00_2022-02-27_jagran.json']);
    const written = JSON.parse(readFileSync(join(out, '00_2022-02-27_jagran.json'), 'utf8'));
    expect(written.statements.length).toBeGreaterThan(5);
  });

  it('says what is wrong and exits non-zero for a missing file', () => {
    const { code, stderr } = claimdesk(['parse', '--json', '/nonexistent/article.txt']);
    expect(code).not.toBe(0);
    expect(stderr).toContain('/nonexistent/article.txt: no such file or folder');
  });

  it('rejects an unknown command with usage', () => {
    const { code, stderr } = claimdesk(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "frobnicate"');
  });
});

describe.each(DATABASE_KINDS)('claimdesk import and db migrate on %s', (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await test.drop();
  });

  it('db migrate reports an up-to-date database', () => {
    const { code, stdout } = claimdesk(['db', 'migrate'], { DATABASE_URL: test.url });
    expect(code).toBe(0);
    expect(stdout).toContain('up to date');
  });

  it('imports good files, reports the bad one, exits 1, and stores the good ones once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-import-'));
    writeFileSync(join(dir, 'a-seed.txt'), readFileSync(seed, 'utf8'));
    writeFileSync(join(dir, 'b-empty.txt'), '   \n');
    const first = claimdesk(['import', dir], { DATABASE_URL: test.url });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/imported\s+.*a-seed\.txt/);
    expect(first.stdout).toMatch(/FAILED\s+.*b-empty\.txt: text: must not be empty\n/);
    expect(first.stdout).toContain('2 files: 1 imported, 0 already stored, 1 failed');

    const again = claimdesk(['import', seed], { DATABASE_URL: test.url });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('1 file: 0 imported, 1 already stored, 0 failed');
    expect(await test.db.prisma.article.count()).toBe(1);
  });

  it('refuses binary, non-UTF-8 and oversized files with a one-line reason, storing nothing of them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-refuse-'));
    const executable = Buffer.alloc(20_000);
    for (let i = 0; i < executable.length; i += 1) executable[i] = (i * 37) % 256;
    writeFileSync(join(dir, 'a-binary.txt'), executable);
    writeFileSync(
      join(dir, 'b-latin1.txt'),
      Buffer.from('date 2022-03-01 Kyiv | Le Monde: Zelensky a d\xe9clar\xe9 ...', 'latin1'),
    );
    writeFileSync(join(dir, 'c-long.txt'), `${readFileSync(seed, 'utf8')}${' more'.repeat(2_000)}`);
    const before = await test.db.prisma.article.count();
    const result = claimdesk(['import', dir], { DATABASE_URL: test.url, CLAIMDESK_MAX_ARTICLE_CHARS: '5000' });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /FAILED\s+\S*a-binary\.txt: text: holds a NUL byte at byte 0: a binary file, not an article\n/,
    );
    expect(result.stdout).toMatch(
      /FAILED\s+\S*b-latin1\.txt: text: is not valid UTF-8: save it as UTF-8 and import it again/,
    );
    expect(result.stdout).toMatch(
      /FAILED\s+\S*c-long\.txt: text: is 12,\d{3} characters, over the limit of 5,000 \(CLAIMDESK_MAX_ARTICLE_CHARS\)\n/,
    );
    for (const line of result.stdout.split('\n').filter((l) => l.startsWith('FAILED')))
      expect(line).toMatch(/: \S.*\S$/);
    expect(result.stdout).toContain('3 files: 0 imported, 0 already stored, 3 failed');
    expect(await test.db.prisma.article.count()).toBe(before);
  });

  it('says "already stored" when the same bytes are imported again', () => {
    claimdesk(['import', seed], { DATABASE_URL: test.url });
    const again = claimdesk(['import', seed], { DATABASE_URL: test.url });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(
      /existing\s+\S*00_2022-02-27_jagran\.txt: already stored \(\d+ claims, id [0-9a-f-]+\)/,
    );
  });

  it('imports a Kaggle-style CSV with --map, one line per row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-csv-'));
    const file = join(dir, 'nyt.csv');
    writeFileSync(
      file,
      'abstract,pub_date,headline,lead_paragraph\n' +
        '"x",2022-03-08T00:00:00+0000,"Kharkiv shelled","The regional governor said 9 civilians were killed in Kharkiv on Tuesday."\n' +
        '"y",2022-03-09T00:00:00+0000,"No text",""\n',
    );
    const result = claimdesk(['import', '--map', 'text=lead_paragraph,publishedOn=pub_date,title=headline', file], {
      DATABASE_URL: test.url,
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/imported\s+\S*nyt\.csv:2: \d+ claims, id /);
    expect(result.stdout).toMatch(/FAILED\s+\S*nyt\.csv:3: needs a text or an html field\n/);
    expect(result.stdout).toContain('1 file (2 articles): 1 imported, 0 already stored, 1 failed');
    const stored = await test.db.prisma.article.findFirstOrThrow({ where: { title: 'Kharkiv shelled' } });
    expect(stored.publishedOn).toBe('2022-03-08');
    const badMap = claimdesk(['import', '--map', 'body=x', file], { DATABASE_URL: test.url });
    expect(badMap.code).toBe(2);
    expect(badMap.stderr).toContain('claimdesk: import: --map: "body=x" is not FIELD=COLUMN');
  });

  it('imports a page by URL from a 127.0.0.1 server it starts, only when that address is allowed', async () => {
    const page = `<!doctype html><html><head><meta property="og:site_name" content="Local News"></head><body><article>
<h1>Odesa drones</h1><p>Officials said 4 drones were shot down over Odesa overnight, and that nobody was hurt in the attack on the port.</p>
</article></body></html>`;
    const big = 'x'.repeat(50_000);
    const server = createServer((req, res) => {
      if (req.url === '/moved') res.writeHead(302, { location: 'http://127.0.0.1:1/' }).end();
      else if (req.url === '/big') res.writeHead(200, { 'content-type': 'text/plain' }).end(big);
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const base = `http://127.0.0.1:${port}`;
    try {
      const refused = await claimdeskAsync(['import', `${base}/news/odesa`], { DATABASE_URL: test.url });
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain(
        `FAILED    ${base}/news/odesa: refused: 127.0.0.1 resolves to 127.0.0.1 is a loopback address`,
      );
      const env = {
        DATABASE_URL: test.url,
        CLAIMDESK_WEBHOOK_ALLOW: `127.0.0.1:${port}`,
        CLAIMDESK_MAX_ARTICLE_CHARS: '10000',
      };
      const done = await claimdeskAsync(['import', `${base}/news/odesa`, `${base}/moved`, `${base}/big`], env);
      expect(done.code).toBe(1);
      expect(done.stdout).toMatch(new RegExp(`imported  ${base}/news/odesa: \\d+ claims`));
      expect(done.stdout).toContain('answered 302: redirects are not followed');
      expect(done.stdout).toContain('the answer is larger than 40,000 bytes');
      const stored = await test.db.prisma.article.findFirstOrThrow({ where: { title: 'Odesa drones' } });
      expect(stored).toMatchObject({ outlet: 'Local News', url: `${base}/news/odesa`, fileName: 'odesa.html' });
    } finally {
      server.close();
    }
  });

  it('articles delete asks for --yes, then deletes by file or id with an audit event', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimdesk-delete-'));
    const file = join(dir, 'to-delete.txt');
    writeFileSync(file, 'date 2022-03-04 Kyiv | Delete Desk: The ministry said 7 tanks were destroyed.');
    expect(claimdesk(['import', file], { DATABASE_URL: test.url }).code).toBe(0);
    const stored = await test.db.prisma.article.findFirstOrThrow({ where: { fileName: 'to-delete.txt' } });
    const dry = claimdesk(['articles', 'delete', file], { DATABASE_URL: test.url });
    expect(dry.code).toBe(1);
    expect(dry.stdout).toContain(`would delete "`);
    expect(dry.stdout).toContain('nothing was deleted: add --yes to delete it');
    expect(await test.db.prisma.article.count({ where: { id: stored.id } })).toBe(1);
    const done = claimdesk(['articles', 'delete', file, '--yes'], { DATABASE_URL: test.url });
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/deleted ".*\): \d+ claims and 0 verdicts removed; audit event /);
    expect(await test.db.prisma.article.count({ where: { id: stored.id } })).toBe(0);
    const event = await test.db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: stored.id } });
    expect(event.actorName).toMatch(/^cli:/);
    const missing = claimdesk(['articles', 'delete', stored.id, '--yes'], { DATABASE_URL: test.url });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`claimdesk: articles delete: no article with id ${stored.id}`);
  });

  it('reports a missing path as one failed file and still imports the others', async () => {
    const missing = join(tmpdir(), 'claimdesk-no-such-article.txt');
    const before = await test.db.prisma.article.count();
    const result = claimdesk(['import', missing, seed], { DATABASE_URL: test.url });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`FAILED    ${missing}: no such file`);
    expect(result.stdout).toMatch(/(imported|existing)\s+.*00_2022-02-27_jagran\.txt/);
    expect(result.stdout).toContain('2 files:');
    expect(result.stdout).toContain('1 failed');
    expect(await test.db.prisma.article.count()).toBe(before);
  });
});

// SQLite only: a PostgreSQL database has no file another process can hold.
describe('claimdesk db migrate on a SQLite file another process holds', () => {
  it('says the file is in use and what to do, exits 1, and applies nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'claimdesk-locked-')), 'held.db');
    const holder = openSqlite(file);
    holder.exec('BEGIN EXCLUSIVE');
    holder.exec('CREATE TABLE held (a)');
    try {
      const result = await claimdeskAsync(['db', 'migrate'], { DATABASE_URL: file });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`claimdesk: ${file} is in use by another process`);
      expect(result.stderr).toContain('npx claimdesk db migrate');
    } finally {
      holder.exec('ROLLBACK');
    }
    const tables = holder.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    holder.close();
    expect(tables).toEqual([]);
  });
});
