import { z } from 'zod';

// Imported first by main.tsx, before any schema is built: zod decides whether to compile a parser
// when an object schema is created, and then probes `new Function` once. The app's
// Content-Security-Policy forbids eval, and the browser reports even the refused probe as a
// console error, so zod runs without compiling parsers.
z.config({ jitless: true });
