const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  a: 1,
  an: 1,
};
const SCALES: Record<string, number> = {
  // "two dozen" is 24; "a dozen" alone stays vague (a dozen is not a scale after "a").
  dozen: 12,
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
};
const SUFFIX: Record<string, number> = {
  k: 1_000,
  m: 1_000_000,
  mn: 1_000_000,
  bn: 1_000_000_000,
  b: 1_000_000_000,
  tn: 1_000_000_000_000,
  trn: 1_000_000_000_000,
};

export interface NumberMatch {
  start: number;
  end: number;
  value: number;
  isWords: boolean;
}

export const NUMBER_WORDS = new Set([...Object.keys(UNITS), ...Object.keys(SCALES), 'and', 'half', 'dozen']);

/**
 * Numbers at `from` in text: "3,500", "1.5m", "$40bn", "40 billion", "three", "one and a half
 * million", "twenty-five". Returns null when no number starts here.
 */
export function readNumber(text: string, from: number): NumberMatch | null {
  const digits =
    /^(\d{1,3}(?:,\d{3})+(?!\d)|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?!\d)|\d+)(?:\.(\d+))?(?:\s?(bn|mn|m|k|b|tn|trn)\b|\s?(hundred|thousand|million|billion|trillion)\b)?/i.exec(
      text.slice(from, from + 40),
    );
  if (digits) {
    // Thousands separators: commas, and the non-breaking or thin spaces of typeset text ("36 350").
    let value = Number(`${(digits[1] ?? '').replace(/[,\u00a0\u202f\u2009]/g, '')}${digits[2] ? `.${digits[2]}` : ''}`);
    const suffix = digits[3]?.toLowerCase();
    const scale = digits[4]?.toLowerCase();
    if (suffix) value *= SUFFIX[suffix] ?? 1;
    if (scale) value *= SCALES[scale] ?? 1;
    return { start: from, end: from + digits[0].length, value: round(value), isWords: false };
  }
  return readWordNumber(text, from);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function readWordNumber(text: string, from: number): NumberMatch | null {
  const re = /[A-Za-z]+(?:-[A-Za-z]+)?/y;
  let pos = from;
  let total = 0;
  let current = 0;
  let end = from;
  let sawNumber = false;
  let half = false;
  let leadingHalf = false;
  let words = 0;
  while (words < 8) {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) break;
    const word = m[0].toLowerCase();
    const parts = word.split('-');
    if (
      parts.length === 2 &&
      parts[0] &&
      parts[1] &&
      UNITS[parts[0]] !== undefined &&
      UNITS[parts[1]] !== undefined &&
      parts[0] !== 'a'
    ) {
      current += (UNITS[parts[0]] ?? 0) + (UNITS[parts[1]] ?? 0);
      sawNumber = true;
    } else if (UNITS[word] !== undefined && !(word === 'a' || word === 'an')) {
      current += UNITS[word] ?? 0;
      sawNumber = true;
    } else if (
      word === 'half' &&
      !sawNumber &&
      !leadingHalf &&
      /^\s+a\s+(?:hundred|thousand|million|billion)\b/i.test(text.slice(m.index + 4, m.index + 30))
    ) {
      // "half a million": the scale is halved at the end.
      leadingHalf = true;
    } else if (
      (word === 'a' || word === 'an') &&
      !sawNumber &&
      /^\s+(hundred|thousand|million|billion|half)/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))
    ) {
      current += 1;
      sawNumber = true;
    } else if (SCALES[word] !== undefined && sawNumber) {
      const scale = SCALES[word] ?? 1;
      if (scale === 100) current *= 100;
      else {
        total += (current + (half ? 0.5 : 0)) * scale;
        current = 0;
        half = false;
      }
    } else if (
      word === 'and' &&
      sawNumber &&
      /^\s+(a\s+half|one|two|three|four|five|six|seven|eight|nine|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b/i.test(
        text.slice(m.index + 3),
      )
    ) {
      // "one and a half million", "two hundred and fifty"
    } else if (word === 'half' && sawNumber) {
      half = true;
    } else if (word === 'a' && sawNumber && /^\s+half\b/i.test(text.slice(m.index + 1))) {
      // the "a" of "and a half"
    } else {
      break;
    }
    end = m.index + m[0].length;
    pos = end;
    while (pos < text.length && (text[pos] === ' ' || text[pos] === '\u00a0')) pos++;
    words++;
  }
  if (!sawNumber) return null;
  const value = (total + current + (half ? 0.5 : 0)) * (leadingHalf ? 0.5 : 1);
  // Trim a trailing "and"/"a" that led nowhere.
  let trimmedEnd = end;
  const tail = text.slice(from, trimmedEnd);
  // Checked on the last few characters: the pattern is end-anchored and would rescan long white space.
  const last = tail.slice(-12);
  const dangling = /\s+(and|a|and a)$/i.exec(last);
  if (dangling) {
    trimmedEnd -= dangling[0].length;
    while (trimmedEnd > from && /\s/.test(text[trimmedEnd - 1] ?? '')) trimmedEnd--;
  }
  return { start: from, end: trimmedEnd, value, isWords: true };
}
