const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

function toDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
function toIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}
const pad = (n: number) => String(n).padStart(2, '0');

function monthIndex(word: string): number {
  const w = word.toLowerCase();
  return MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w)));
}

/**
 * The day a sentence speaks of, relative to the article's date: "on Saturday" in an article of
 * Sunday 2022-02-27 is 2022-02-26 (the latest such weekday not after the article), "yesterday" is
 * the day before, "on February 25" is that date in the article's year.
 */
export function resolveAsOf(sentence: string, publishedOn: string | null): string | null {
  if (!publishedOn) return null;
  // The date is built only when a pattern below needs it: most sentences name no day, and an
  // unreadable date gives publishedOn either way.
  const isYesterday = /\byesterday\b/i.test(sentence);
  const weekday = isYesterday
    ? null
    : /\b(?:on|last|this|late on|early on|earlier on)\s+(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/i.exec(
        sentence,
      );
  const dated =
    isYesterday || weekday?.[1]
      ? null
      : /\bon\s+(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b|\bon\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})\b/.exec(
          sentence,
        );
  if (!isYesterday && !weekday?.[1] && !dated) return publishedOn;
  const base = toDate(publishedOn);
  if (Number.isNaN(base.getTime())) return publishedOn;
  if (isYesterday) return toIso(new Date(base.getTime() - 86_400_000));
  if (weekday?.[1]) {
    const target = WEEKDAYS.indexOf(weekday[1].toLowerCase());
    const diff = (base.getUTCDay() - target + 7) % 7;
    return toIso(new Date(base.getTime() - diff * 86_400_000));
  }
  if (dated) {
    const day = Number(dated[1] ?? dated[4]);
    const month = monthIndex(dated[2] ?? dated[3] ?? '');
    if (month >= 0 && day >= 1 && day <= 31) return `${base.getUTCFullYear()}-${pad(month + 1)}-${pad(day)}`;
  }
  return publishedOn;
}

/** Start of a running total: "since February 24", "since 24 February", "from 24.02". */
export function resolveSince(text: string, publishedOn: string | null): string | null {
  // Every pattern below needs "since" or "from": one scan rules most texts out.
  if (!/since|from/i.test(text)) return null;
  const year = publishedOn ? Number(publishedOn.slice(0, 4)) : null;
  const m = /\bsince\s+(?:(\d{1,2})\s+([A-Z][a-z]+)|([A-Z][a-z]+)\s+(\d{1,2}))\b/.exec(text);
  if (m && year) {
    const day = Number(m[1] ?? m[4]);
    const month = monthIndex(m[2] ?? m[3] ?? '');
    if (month >= 0 && day >= 1 && day <= 31) return `${year}-${pad(month + 1)}-${pad(day)}`;
  }
  const dotted = /\bfrom\s+(\d{1,2})\.(\d{1,2})(?:\.(\d{4}))?\b/.exec(text);
  if (dotted && (year || dotted[3])) {
    const y = dotted[3] ? Number(dotted[3]) : year;
    return `${y}-${pad(Number(dotted[2]))}-${pad(Number(dotted[1]))}`;
  }
  // The start of the full-scale invasion, however the source names it.
  if (
    /\b(?:since|from) the (?:very )?(?:start|beginning|outset|first day) of (?:the )?(?:full-scale |Russian |Russia[’']s |large-scale )*(?:invasion|war|aggression|special military operation|operation)\b/i.test(
      text,
    ) ||
    /\bsince (?:the )?(?:full-scale |Russian |Russia[’']s |large-scale )*(?:invasion|war|special military operation) (?:began|started)\b/i.test(
      text,
    ) ||
    /\bsince (?:Russia|Moscow) (?:invaded|launched (?:its|the) (?:full-scale )?invasion)\b/i.test(text)
  )
    return '2022-02-24';
  return null;
}
