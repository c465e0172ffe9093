import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { offlineAssets } from './scripts/web-build/offline-assets';
import { precompress } from './scripts/web-build/precompress';

const repoRoot = import.meta.dirname;

// The web app lives in src/web and is served by the Fastify process from dist/web.
// `npm run dev` proxies /api to the server on port 3000.
export default defineConfig({
  root: path.join(repoRoot, 'src/web'),
  plugins: [react(), offlineAssets(), precompress()],
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each page loads (bench/first-load.bench.ts sums them).
    manifest: true,
    // The cockpit's echarts chunk is large, and loads only with the cockpit.
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      output: {
        // React changes seldom: a chunk of its own that browsers keep across releases. antd is left
        // to the bundler, so that a page brings only the components it uses (a phone's first
        // load would otherwise carry every antd component of every page: bench/first-load).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            // zod with its configuration in one chunk: every chunk that builds a schema imports this
            // one, so `jitless` is set before the first schema (zod-config.ts says why it must be).
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|src[\\/]web[\\/]zod-config\.ts$/ },
          ],
        },
      },
    },
  },
  server: {
    // src/shared (password policy) lies outside the web root.
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
