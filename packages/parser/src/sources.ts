/** Titles and roles that precede a name ("Kremlin spokesman Dmitry Peskov"): the name is what follows. */
const ROLE_WORDS = new Set([
  'president', 'minister', 'ministry', 'spokesman', 'spokeswoman', 'spokesperson', 'prime', 'defence', 'defense', 'foreign',
  'chancellor', 'secretary', 'governor', 'mayor', 'general', 'commander', 'chief', 'ambassador', 'adviser', 'advisor', 'head',
  'director', 'senator', 'sen.', 'rep.', 'deputy', 'leader', 'speaker', 'official', 'officer', 'analyst', 'colonel', 'lt',
  'gen.', 'col.', 'founder', 'ceo', 'chairman', 'chair', 'economist', 'professor', 'interior', 'presidential', 'press',
  'representative', 'envoy', 'lawmaker', 'aide', 'counsellor', 'commissioner', 'mp', 'military', 'regional', 'kremlin',
  'ukraine', 'russia', 'russian', 'ukrainian', 'us', 'u.s.', 'uk', 'british', 'german', 'french', 'european', 'eu', 'nato',
  'former', 'acting', 'top', 'senior', 'state', 'national', 'security', 'council', 'the', 'a', 'an',
]);

export const HONORIFICS = /^(Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Lt|Col)\.?$/;

/**
 * The shortest span that names the source inside a noun phrase: a personal name after its titles
 * ("Kremlin spokesman Dmitry Peskov" -> "Dmitry Peskov"), else the phrase itself.
 */
export function shortestSourceSpan(phrase: string): { offset: number; length: number } {
  const tokens = [...phrase.matchAll(/[^\s]+/g)];
  if (tokens.length <= 1) return { offset: 0, length: phrase.length };
  // Find the trailing run of capitalised tokens that are not role words.
  let k = tokens.length;
  while (k > 0) {
    const t = tokens[k - 1]?.[0] ?? '';
    const bare = t.replace(/[’']s$/, '');
    if (/^[A-ZÀ-ÖØ-ÞА-ЯІЇЄ]/.test(bare) && !ROLE_WORDS.has(bare.toLowerCase().replace(/[,.]$/, '')) || HONORIFICS.test(bare)) k--;
    else break;
  }
  const nameTokens = tokens.length - k;
  if (nameTokens >= 1 && k > 0) {
    const first = tokens[k];
    const hasRole = tokens.slice(0, k).some((t) => ROLE_WORDS.has(t[0].toLowerCase()) && /^[a-z]/i.test(t[0]));
    if (first && hasRole && (nameTokens >= 2 || /^[A-Z]/.test(first[0]))) {
      // Honorific stays with the name ("Mr. Trump").
      const prev = tokens[k - 1]?.[0] ?? '';
      const startTok = HONORIFICS.test(prev) ? tokens[k - 1] : first;
      const offset = startTok?.index ?? 0;
      return { offset, length: phrase.length - offset };
    }
  }
  return { offset: 0, length: phrase.length };
}

export function isPersonName(name: string): boolean {
  const tokens = name.split(/\s+/).filter(Boolean);
  return tokens.length >= 2 && tokens.length <= 4 && tokens.every((t) => /^[A-ZÀ-ÖØ-Þ][\p{L}’'.-]+$/u.test(t) || HONORIFICS.test(t))
    && !tokens.some((t) => ROLE_WORDS.has(t.toLowerCase()));
}

/** Surname of a personal name (last token). */
export function surnameOf(name: string): string {
  return name.split(/\s+/).filter(Boolean).at(-1)?.replace(/[’']s$/, '') ?? name;
}
