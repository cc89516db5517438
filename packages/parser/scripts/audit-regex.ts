// npx tsx packages/parser/scripts/audit-regex.ts
// Times every regular-expression literal in packages/parser/src on adversarial input (repeated
// units built from spaces, punctuation, quotes, digits and the pattern's own words) at 1k and 4k
// characters, and lists the ones that take long or grow faster than linearly. A listed pattern is
// fine when its call site bounds the input (a short slice, a sentence); otherwise rewrite it.
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';

const dir = resolve(import.meta.dirname, '../src');
const units = [
  'a',
  'A',
  ' ',
  '  ',
  '1',
  '12',
  ',',
  '.',
  '-',
  '–',
  '"',
  '“',
  '”',
  "'",
  '’',
  's',
  'said ',
  'the ',
  'of ',
  'and ',
  'Mr. ',
  '\n',
  '\u00a0',
  '(',
  ')',
  ':',
  '$',
  'x-',
  'on ',
  'in ',
  'Monday ',
  'a.',
  '1.',
  'A ',
  'that ',
];
const flagged: string[] = [];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .sort()) {
  const source = ts.createSourceFile(file, readFileSync(resolve(dir, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const literals: Array<{ text: string; line: number }> = [];
  const visit = (node: ts.Node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral)
      literals.push({ text: node.getText(), line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const literal of literals) {
    const m = /^\/(.*)\/([a-z]*)$/s.exec(literal.text);
    if (!m?.[1]) continue;
    let re: RegExp;
    try {
      // Unanchored search without g/y: the worst case of a call on an unbounded string.
      re = new RegExp(m[1], (m[2] ?? '').replace(/[gy]/g, ''));
    } catch {
      continue;
    }
    const pool = [...units, ...[...new Set(m[1].match(/[A-Za-z]{2,}/g) ?? [])].slice(0, 12).map((w) => `${w} `)];
    let worst = { ms: 0, report: '' };
    for (let trial = 0; trial < 60; trial++) {
      const unit = Array.from(
        { length: 1 + (trial % 3) },
        (_, i) => pool[(trial * 7 + i * 13 + trial * i) % pool.length],
      ).join('');
      const time = (n: number) => {
        const text = unit.repeat(Math.ceil(n / unit.length)) + (trial % 2 ? '!' : '');
        const t0 = performance.now();
        for (let k = 0; k < 3; k++) re.exec(text);
        return performance.now() - t0;
      };
      const small = time(1000);
      if (small < 0.5) continue;
      const large = time(4000);
      if (large > worst.ms)
        worst = {
          ms: large,
          report: `${JSON.stringify(unit)} 1k: ${small.toFixed(1)} ms, 4k: ${large.toFixed(1)} ms (x${(large / Math.max(small, 0.05)).toFixed(1)})`,
        };
    }
    if (worst.ms > 5) flagged.push(`${file}:${literal.line} ${literal.text.slice(0, 90)}\n    ${worst.report}`);
  }
}
console.log(flagged.length ? flagged.join('\n') : 'no slow regular expression');
