#!/usr/bin/env node
// The command line is TypeScript run through tsx: no build step between `npm ci` and `npx claimdesk`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
