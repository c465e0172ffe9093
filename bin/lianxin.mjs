#!/usr/bin/env node
// The `lianxin` command. TypeScript sources run directly through tsx, so `npx lianxin` works right
// after `npm install` with no separate build of the server.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
