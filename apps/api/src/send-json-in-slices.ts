import type { Response } from 'express';
import { nextTurn } from './services/next-turn.ts';

/** Array elements serialised between two turns of the event loop. */
const ITEMS_PER_SLICE = 1_000;

/**
 * Sends `body` as JSON, serialising its long arrays (a 2 MB article's 20,000 claims: about 20 MB
 * of JSON) a slice at a time with a turn of the event loop between slices, so other requests are
 * answered meanwhile; `res.json` would stringify it all in one go (hundreds of milliseconds).
 * Short bodies go out as `res.json` sends them.
 */
export async function sendJsonInSlices(res: Response, status: number, body: object): Promise<void> {
  const entries = Object.entries(body);
  const long = entries.filter(([, v]) => Array.isArray(v) && v.length > ITEMS_PER_SLICE);
  if (long.length === 0) {
    res.status(status).json(body);
    return;
  }
  const rest = Object.fromEntries(entries.filter(([, v]) => !(Array.isArray(v) && v.length > ITEMS_PER_SLICE)));
  res.status(status).type('application/json');
  const head = JSON.stringify(rest);
  res.write(head === '{}' ? '{' : `${head.slice(0, -1)},`);
  for (const [i, [key, value]] of long.entries()) {
    const items = value as unknown[];
    res.write(`${i > 0 ? ',' : ''}${JSON.stringify(key)}:[`);
    for (let from = 0; from < items.length; from += ITEMS_PER_SLICE) {
      await nextTurn();
      const part = items
        .slice(from, from + ITEMS_PER_SLICE)
        .map((item) => JSON.stringify(item) ?? 'null')
        .join(',');
      res.write(from > 0 ? `,${part}` : part);
    }
    res.write(']');
  }
  res.end('}');
}
