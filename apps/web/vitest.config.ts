import react from '@vitejs/plugin-react';
import { defineProject } from 'vitest/config';

export default defineProject({
  plugins: [react()],
  test: {
    name: 'web',
    root: import.meta.dirname,
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    // The machine running CI can be shared and loaded: a slow render is not a failure, a wrong one is.
    testTimeout: 30_000,
  },
});
