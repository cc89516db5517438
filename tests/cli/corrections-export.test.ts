import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addClaim, correctClaim, importArticle } from '@claimdesk/api';
import type { ArticleDetail } from '@claimdesk/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT as root, TSX_ENTRY, claimdeskSync, spawnNodeSync } from '../support/node-process.ts';
import { DATABASE_KINDS, type TestDatabase, createTestDatabase } from '../support/test-databases.ts';

const seedName = '00_2022-02-27_jagran';
const seed = readFileSync(join(root, `sample-data/${seedName}.txt`), 'utf8');
const editor = { userId: null, name: 'Olena K' };

/** The lines of `npm run eval -- -v` that name a difference between the parser and the gold. */
const DIFF_LINE = /^\s+(MISS|EXTRA|WRONG|FMISS|FEXTRA|FWRONG)\b/;

describe.each(DATABASE_KINDS)('claimdesk corrections export on %s', (kind) => {
  let test: TestDatabase;
  let article: ArticleDetail;
  const out = mkdtempSync(join(tmpdir(), 'claimdesk-corrections-'));

  beforeAll(async () => {
    test = await createTestDatabase(kind);
    ({ article } = await importArticle(test.db, { text: seed, fileName: `${seedName}.txt` }));
    // A second article without corrections: it is not exported.
    await importArticle(test.db, { text: 'date 2022-03-01 Kyiv | Desk: The ministry said 5 tanks were destroyed.' });
  });
  afterAll(async () => {
    await test.drop();
  });

  it('refuses to run without --out', () => {
    const r = claimdeskSync(['corrections', 'export'], {
      env: { ...process.env, DATABASE_URL: test.url },
    });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--out DIR is required');
  });

  it('writes the corrected seed so that the eval reports exactly the three corrections as the parser’s differences', async () => {
    const claim = (t: string, k = 'figure') => {
      const c = article.claims.find((x) => x.kind === k && x.text.startsWith(t));
      if (!c) throw new Error(`no ${k} "${t}"`);
      return c;
    };
    const guns = claim('15 heavy machine guns');
    const before = guns.figure?.category;
    await correctClaim(test.db, guns.id, { kind: 'edit', fields: { category: 'artillery' }, version: 0 }, editor);
    const s10 = claim('Russia has suffered heavy casulties', 'statement');
    await correctClaim(test.db, s10.id, { kind: 'reject', note: 'no checkable content', version: 0 }, editor);
    const start = seed.indexOf('72 hours');
    await addClaim(test.db, article.id, { kind: 'figure', span: { start, end: start + 8 }, value: 72 }, editor);

    const r = claimdeskSync(['corrections', 'export', '--out', out], {
      env: { ...process.env, DATABASE_URL: test.url },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('1 corrected article');
    expect(readdirSync(out).sort()).toEqual([`${seedName}.json`, `${seedName}.txt`]);
    expect(readFileSync(join(out, `${seedName}.txt`), 'utf8')).toBe(seed);
    const json = JSON.parse(readFileSync(join(out, `${seedName}.json`), 'utf8'));
    expect(json).toMatchObject({ file: `${seedName}.txt`, publishedOn: '2022-02-27', outlet: 'Jagran News Desk' });
    for (const s of json.statements) {
      expect(Object.keys(s).sort()).toEqual(
        ['asOf', 'content', 'cue', 'direct', 'figures', 'id', 'source', 'sourceCanonical', 'sourceSide'].sort(),
      );
      expect(seed.slice(s.content.start, s.content.end)).toBe(s.content.text);
      for (const f of s.figures) expect(seed.slice(f.start, f.end)).toBe(f.text);
    }

    // `npm run eval` is tsx on this script; run it so on the Node under test (npm's would take PATH's).
    const evalRun = spawnNodeSync([
      TSX_ENTRY,
      'packages/parser/scripts/eval.ts',
      '--gold',
      out,
      '--articles',
      out,
      '-v',
    ]);
    expect(evalRun.status, evalRun.stderr).toBe(0);
    const diffs = evalRun.stdout.split('\n').filter((l) => DIFF_LINE.test(l));
    expect(diffs).toHaveLength(3);
    expect(diffs.find((l) => l.includes('FWRONG'))).toContain(`category: "15 heavy machine guns" pred ${before}`);
    expect(diffs.find((l) => /^\s+EXTRA/.test(l))).toContain('Russia has suffered heavy casulties');
    expect(diffs.find((l) => l.includes('FMISS'))).toContain('"72 hours" 72');
  });
});
