import { describe, expect, it } from 'vitest';
import { sqliteLoadError, sqliteNativeBinding } from './native-binding.ts';

describe('the better-sqlite3 build for this Node line', () => {
  it('loads the driver this process finds (the install, or a build for this line beside it)', () => {
    expect(sqliteLoadError()).toBeNull();
    // A build beside the install is named for this process's ABI; without one the install's is used.
    expect(sqliteNativeBinding() ?? `better-sqlite3-node${process.versions.modules}-`).toContain(
      `better-sqlite3-node${process.versions.modules}-`,
    );
  });

  it('names why the driver cannot be loaded instead of an opaque engine error', () => {
    expect(sqliteLoadError({ nativeBinding: '/nonexistent/better_sqlite3.node' })).toMatch(/nonexistent/);
  });
});
