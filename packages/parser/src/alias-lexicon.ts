/**
 * One canonical name per person or body across articles, whatever transliteration or phrasing an
 * outlet uses ("Zelenskiy", "President Zelensky" -> "Volodymyr Zelenskyy"; "Russia's defence
 * ministry" -> "Ministry of Defence of Russia"). Data, not rules: add a line to add a name.
 *
 * People: `Canonical Name: first-name spellings | surname spellings`. A mention matches when its
 * last word is one of the surname spellings and its first word, if it has another, is one of the
 * first-name spellings (titles such as President or Mr. are dropped first).
 * Bodies: `Canonical Name: phrase | phrase | ...`, matched on the whole phrase, case and "the",
 * possessive and hyphen/space differences aside.
 */
const PEOPLE = `
Volodymyr Zelenskyy: volodymyr, volodimir, vladimir | zelenskyy, zelenskiy, zelensky, zelenskyi, zelenskii, zelenski
Olena Zelenska: olena, elena | zelenska, zelenskaya, zelenska
Serhiy Haidai: serhiy, serhii, sergiy, sergii, sergei, sergey | haidai, gaidai, gaiday, hayday, haiday
Vladimir Putin: vladimir | putin
Dmitry Peskov: dmitry, dmitri, dmitriy | peskov
Sergei Lavrov: sergei, sergey | lavrov
Sergei Shoigu: sergei, sergey | shoigu
Maria Zakharova: maria, mariya | zakharova
Igor Konashenkov: igor | konashenkov
Dmytro Kuleba: dmytro, dmitry | kuleba
Oleksii Reznikov: oleksii, oleksiy, alexei, alexey | reznikov
Mykhailo Podolyak: mykhailo, mikhail | podolyak, podoliak
Andriy Yermak: andriy, andrii, andrei | yermak
Denys Shmyhal: denys, denis | shmyhal
Valerii Zaluzhnyi: valerii, valeriy, valery | zaluzhnyi, zaluzhny, zaluzhnyy
Kyrylo Budanov: kyrylo, kirill | budanov
Vitali Klitschko: vitali, vitaliy, vitalii | klitschko, klychko
Pavlo Kyrylenko: pavlo, pavel | kyrylenko, kirilenko
Oleh Synehubov: oleh, oleg | synehubov, syniehubov
Vadym Boichenko: vadym, vadim | boichenko, boychenko
Iryna Vereshchuk: iryna, irina | vereshchuk
Ramzan Kadyrov: ramzan | kadyrov
Alexander Lukashenko: alexander, aleksandr, alyaksandr | lukashenko
Denis Pushilin: denis | pushilin
Leonid Pasechnik: leonid | pasechnik, pasichnyk
Antony Blinken: antony, anthony, tony | blinken
Jens Stoltenberg: jens | stoltenberg
António Guterres: antónio, antonio | guterres
Rafael Grossi: rafael, mariano | grossi
Recep Tayyip Erdoğan: recep, tayyip | erdoğan, erdogan
`;

const BODIES = `
Ministry of Defence of Russia: russian ministry of defence, russian ministry of defense, russia ministry of defence, russia ministry of defense, russian defence ministry, russian defense ministry, russia defence ministry, russia defense ministry, ministry of defence of russia, ministry of defense of russia, ministry of defence of the russian federation, ministry of defense of the russian federation, russian federation ministry of defence, russian mod, russia mod
Ministry of Defence of Ukraine: ukrainian ministry of defence, ukrainian ministry of defense, ukraine ministry of defence, ukraine ministry of defense, ukrainian defence ministry, ukrainian defense ministry, ukraine defence ministry, ukraine defense ministry, ministry of defence of ukraine, ministry of defense of ukraine, ukrainian mod, ukraine mod
General Staff of the Armed Forces of Ukraine: general staff of the armed forces of ukraine, ukraine general staff, ukrainian general staff, general staff of ukraine, ukraine armed forces general staff, ukrainian armed forces general staff
Ministry of Foreign Affairs of Russia: russian foreign ministry, russia foreign ministry, russian ministry of foreign affairs, ministry of foreign affairs of russia, ministry of foreign affairs of the russian federation
Ministry of Foreign Affairs of Ukraine: ukrainian foreign ministry, ukraine foreign ministry, ukrainian ministry of foreign affairs, ministry of foreign affairs of ukraine
`;

const TITLES =
  /^(?:(?:president|prime|minister|mr|mrs|ms|dr|gen|general|governor|gov|foreign|defence|defense|spokesman|spokeswoman|ukrainian|ukraine|russian|russia|chancellor|secretary|regional|head|mayor|the|of)\.?\s+)+/;

const normalise = (name: string) =>
  name
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

interface Person {
  canonical: string;
  first: Set<string>;
}
const bySurname = new Map<string, Person[]>();
for (const line of PEOPLE.split('\n')) {
  const m = /^([^:]+):([^|]+)\|(.+)$/.exec(line.trim());
  if (!m?.[1] || !m[2] || !m[3]) continue;
  const person = { canonical: m[1].trim(), first: new Set(m[2].split(',').map((w) => w.trim())) };
  for (const s of m[3].split(',')) {
    const key = s.trim();
    bySurname.set(key, [...(bySurname.get(key) ?? []), person]);
  }
}
const bodies = new Map<string, string>();
for (const line of BODIES.split('\n')) {
  const at = line.indexOf(':');
  if (at < 0) continue;
  const canonical = line.slice(0, at).trim();
  for (const phrase of line.slice(at + 1).split(',')) bodies.set(normalise(phrase), canonical);
}

/** The canonical name for a person or body the lexicon knows, else the name as given. */
export function canonicalAlias(name: string): string {
  const n = normalise(name).replace(/^the /, '');
  const body = bodies.get(n);
  if (body) return body;
  const words = n.replace(TITLES, '').split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 3) return name;
  const surname = words.at(-1) ?? '';
  for (const p of bySurname.get(surname) ?? []) {
    if (words.length === 1 || p.first.has(words[0] ?? '')) return p.canonical;
  }
  // "Olena Zelenskam": a slip of one letter in a long surname, when the first name settles who it is.
  if (words.length >= 2 && surname.length >= 6) {
    for (const [key, people] of bySurname) {
      if (Math.abs(key.length - surname.length) > 1 || !isOneEditApart(key, surname)) continue;
      const p = people.find((x) => x.first.has(words[0] ?? ''));
      if (p) return p.canonical;
    }
  }
  return name;
}

/** Whether two different strings differ by exactly one inserted, deleted or replaced character. */
function isOneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
