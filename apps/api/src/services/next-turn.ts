import { setImmediate } from 'node:timers/promises';

/**
 * Lets the event loop answer what waits (other requests, health checks) before the next chunk of a
 * long write. better-sqlite3 answers synchronously, so without it a transaction of 20,000 rows runs
 * as one unbroken chain of promises and holds every other request for its whole length.
 */
export const nextTurn = (): Promise<void> => setImmediate();
