import type { DatabaseFault } from '@claimdesk/db';

/** How long a fault met by a request stays on the health route after it was last seen. */
const REMEMBER_MS = 60_000;

/**
 * The database faults this process met lately, so that the health route names them (a full disk
 * shows up only when something is written): one entry per kind, with when it was last seen.
 */
export function createFaultMonitor(clock: () => Date) {
  const seen = new Map<DatabaseFault['fault'], { fault: DatabaseFault; at: number }>();
  return {
    record(fault: DatabaseFault): void {
      seen.set(fault.fault, { fault, at: clock().getTime() });
    },
    recent(): DatabaseFault[] {
      const now = clock().getTime();
      return [...seen.values()].filter((entry) => now - entry.at < REMEMBER_MS).map((entry) => entry.fault);
    },
  };
}
export type FaultMonitor = ReturnType<typeof createFaultMonitor>;
