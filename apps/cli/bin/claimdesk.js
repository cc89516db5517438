#!/usr/bin/env node
// The command line. When the prebuilt bundle (apps/cli/dist/claimdesk.mjs, made by `npm start`, by
// `npm test` and by `node scripts/build-server.mjs`) is newer than every source it is made of, it
// runs that: compiled JavaScript starts in about a third of the CPU time. Otherwise (a fresh
// `npm ci`, a changed source) the TypeScript sources run through tsx: no build step is needed
// between `npm ci` and `npx claimdesk`. CLAIMDESK_CLI_FROM_SOURCE=1 always takes the sources.
import { pathToFileURL } from 'node:url';

let main;
if (process.env.CLAIMDESK_CLI_FROM_SOURCE !== '1') {
  const { isServerBuilt, serverBundle } = await import('../../../scripts/build-server.mjs');
  if (isServerBuilt()) ({ main } = await import(pathToFileURL(serverBundle).href));
}
if (!main) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
