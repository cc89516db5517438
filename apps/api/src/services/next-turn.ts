import { setImmediate } from 'node:timers/promises';

/**
 * Lets the event loop answer what waits (other requests, health checks) before the next chunk of a
 * long write. better-sqlite3 answers synchronously, so without it a transaction of 20,000 rows runs
 * as one unbroken chain of promises and holds every other request for its whole length.
 */
export const nextTurn = (): Promise<void> => setImmediate();

/**
 * How long a long loop on the request thread runs before it lets the event loop turn. Counted in
 * time, not items: the same slice of 2,000 claims took 130 ms on a quiet machine and 770 ms at a
 * load of 8 on two cores, and a health check waits for several such slices (one per turn it needs).
 */
export const TURN_BUDGET_MS = 8;

export interface TurnBudget {
  /** True once the loop has held the thread for the budget since its last turn. */
  isSpent(): boolean;
  /** A turn of the event loop now; the budget starts again after it. */
  turn(): Promise<void>;
  /** A turn of the event loop if the budget is spent, else nothing. */
  check(): Promise<void> | undefined;
}

export function turnBudget(budgetMs: number = TURN_BUDGET_MS): TurnBudget {
  let since = performance.now();
  const turn = async () => {
    await nextTurn();
    since = performance.now();
  };
  return {
    isSpent: () => performance.now() - since >= budgetMs,
    turn,
    check: () => (performance.now() - since >= budgetMs ? turn() : undefined),
  };
}
