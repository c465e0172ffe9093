import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './scripts/web-build/precompress';

const repoRoot = import.meta.dirname;

// The web app lives in src/web and is served by the Fastify process from dist/web.
// `npm run dev` proxies /api to the server on port 3000.
export default defineConfig({
  root: path.join(repoRoot, 'src/web'),
  plugins: [react(), precompress()],
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    // .vite/manifest.json: which chunks each page loads (bench/first-load.bench.ts sums them).
    manifest: true,
    // antd is one large library; it gets a chunk of its own that browsers cache across releases.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/ },
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
