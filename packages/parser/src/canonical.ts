import { sideOf } from './lexicon.ts';
import { HONORIFICS, isPersonName, surnameOf } from './sources.ts';
import type { Side } from './types.ts';

const NAME_RE = /\b(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-ZÀ-ÖØ-Þ][\p{L}’'-]+(?:\s+(?:[A-Z]\.\s+)?[A-ZÀ-ÖØ-Þ][\p{L}’'-]+){1,3}/gu;

/** Every personal name the article spells out, to resolve "Putin" to "Vladimir Putin". */
export function collectNames(raw: string): string[] {
  const names = new Set<string>();
  for (const m of raw.matchAll(NAME_RE)) {
    const tokens = m[0].replace(/[’']s$/, '').split(/\s+/);
    // Drop leading role words ("President Vladimir Putin" -> "Vladimir Putin").
    while (tokens.length > 2 && !isPersonName(tokens.join(' '))) tokens.shift();
    const name = tokens.join(' ');
    if (isPersonName(name) && !HONORIFICS.test(tokens[0] ?? '')) names.add(name);
  }
  return [...names];
}

export interface Resolved {
  canonical: string;
  side: Side;
}

/** Resolves a source span: fullest name for a surname, the previous speaker for a pronoun. */
export class SourceResolver {
  private readonly names: string[];
  private lastPerson: Resolved | null = null;
  private lastAny: Resolved | null = null;
  private readonly sides = new Map<string, Side>();

  constructor(raw: string) {
    this.names = collectNames(raw);
  }

  resolve(sourceText: string, phrase: string): Resolved {
    const bare = sourceText.replace(/^(the|a|an)\s+/i, (m) => m).trim();
    if (/^(he|she|him|her)$/i.test(bare)) return this.lastPerson ?? this.lastAny ?? { canonical: bare, side: 'unknown' };
    if (/^(it|they|we)$/i.test(bare)) return this.lastAny ?? { canonical: bare, side: 'unknown' };
    let canonical = bare.replace(/^(?:Mr|Mrs|Ms|Dr)\.?\s+/, '');
    const surname = surnameOf(canonical);
    const fuller = this.names
      .filter((n) => surnameOf(n) === surname && n.split(/\s+/).length >= canonical.split(/\s+/).length && n.includes(canonical.split(/\s+/)[0] ?? ''))
      .sort((a, b) => b.length - a.length)[0];
    if (fuller && (isPersonName(canonical) || canonical.split(/\s+/).length === 1)) canonical = fuller;
    else if (!isPersonName(canonical) && /^[A-Z]/.test(bare) && canonical.split(/\s+/).length === 1) {
      const anyFuller = this.names.find((n) => surnameOf(n) === canonical);
      if (anyFuller) canonical = anyFuller;
    }
    let side = sideOf(`${phrase} ${canonical}`);
    const known = this.sides.get(canonical);
    if (side === 'other' && known) side = known;
    if (!this.sides.has(canonical) || this.sides.get(canonical) === 'other') this.sides.set(canonical, side);
    const resolved = { canonical: canonical.replace(/^(the|The)\s+(?=[A-Z])/, ''), side };
    if (isPersonName(canonical)) this.lastPerson = resolved;
    this.lastAny = resolved;
    return resolved;
  }

  /** A pronoun later in the text refers to this speaker. */
  remember(resolved: Resolved): void {
    if (isPersonName(resolved.canonical)) this.lastPerson = resolved;
    this.lastAny = resolved;
  }
}
