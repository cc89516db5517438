import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CITIES = ['Kyiv', 'Kharkiv', 'Lviv', 'Odesa', 'Dnipro', 'Mariupol', 'Kherson', 'Zaporizhzhia'];
const OUTLETS = ['Kyiv Desk', 'Wire Service', 'Evening Post', 'Frontline Daily', 'The Monitor'];
const SOURCES = ["Ukraine's General Staff", "Russia's defence ministry", 'The regional governor'];

/**
 * A short article in the seed's header format, different for every `i` (its numbers and its
 * report number), with a handful of claims: statements and figures.
 */
export function generatedArticle(i: number): string {
  const day = new Date(Date.UTC(2022, 1, 24) + (i % 700) * 86_400_000).toISOString().slice(0, 10);
  const city = CITIES[i % CITIES.length];
  const outlet = OUTLETS[i % OUTLETS.length];
  const source = SOURCES[i % SOURCES.length];
  return [
    `date ${day} ${city} | ${outlet}: ${source} said on Monday that Russia had lost ${100 + i} tanks and ${200 + (i % 97)} armoured vehicles since 24 February (report ${i}).`,
    `"We have destroyed ${10 + (i % 50)} drones over ${city}," the air force said.`,
    `The governor said ${3 + (i % 40)} civilians had been killed in the shelling of ${city} on report day ${i}.`,
    '',
  ].join('\n\n');
}

/** Writes `count` generated articles into `dir` as 0001.txt, 0002.txt, ...; returns the paths. */
export function writeGeneratedArticles(dir: string, count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const path = join(dir, `${String(index + 1).padStart(4, '0')}.txt`);
    writeFileSync(path, generatedArticle(index + 1));
    return path;
  });
}
