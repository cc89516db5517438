import { defineConfig } from 'vitest/config';

// One run covers every workspace: unit tests sit beside their code, tests/ holds what crosses
// packages (API against real databases, the app in a real Chromium).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'packages/*/test/**/*.test.ts',
            'apps/api/src/**/*.test.ts',
            'apps/cli/src/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      'apps/web/vitest.config.ts',
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // Browser and database tests start servers and Chromium: one file at a time keeps them honest.
          fileParallelism: false,
          // expect.poll waits for the app or a server to get there: as long as Playwright's own
          // waits (30 s), not vitest's default 1 s, which a loaded machine missed (a pressed filter
          // button drawn 1.2 s after its row, in CI on Node 24).
          expect: { poll: { timeout: 30_000, interval: 100 } },
        },
      },
    ],
  },
});
