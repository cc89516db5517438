import type { Response } from 'express';
import { turnBudget } from './services/next-turn.ts';

/** Arrays longer than this are serialised between turns of the event loop. */
const ITEMS_PER_SLICE = 1_000;

/**
 * Sends `body` as JSON, serialising its long arrays (a 2 MB article's 20,000 claims: about 20 MB
 * of JSON) as much at a time as fits in the turn budget (next-turn.ts), with a turn of the event loop between, so other requests are
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
    // Items go out between turns of the event loop, as many as fit in the turn budget.
    const budget = turnBudget();
    let part: string[] = [];
    let wrote = false;
    const flush = () => {
      if (part.length === 0) return;
      res.write(wrote ? `,${part.join(',')}` : part.join(','));
      wrote = true;
      part = [];
    };
    for (const item of items) {
      part.push(JSON.stringify(item) ?? 'null');
      if (budget.isSpent()) {
        flush();
        await budget.turn();
      }
    }
    flush();
    res.write(']');
  }
  res.end('}');
}
