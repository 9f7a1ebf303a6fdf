import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The dashboard: a static SPA (hash router) that the API serves at `/` from dist/apps/dashboard. Every path here
 * is resolved from this file, so `vite build --config apps/dashboard/vite.config.mts` works from any directory.
 * In development `vite` proxies the API (run it on :3000), so the app always talks to a same-origin `/api`.
 */
const root = import.meta.dirname;
const workspaceRoot = resolve(root, '../..');
const api = 'http://127.0.0.1:3000';

export default defineConfig(({ mode }) => ({
  root,
  base: './',
  plugins: [react()],
  resolve: {
    alias: { '@sift/shared': resolve(workspaceRoot, 'libs/shared/src/index.ts') },
  },
  server: {
    host: '127.0.0.1',
    port: 4200,
    proxy: { '/api': api, '/health': api },
  },
  preview: {
    host: '127.0.0.1',
    port: 4300,
    proxy: { '/api': api, '/health': api },
  },
  build: {
    // `--mode development` (with NODE_ENV=development: target build-dev) is React's development build, which prints
    // its warnings; the browser tier serves it so that its console guard sees them (docs/testing.md).
    outDir: resolve(workspaceRoot, mode === 'development' ? 'dist/apps/dashboard-dev' : 'dist/apps/dashboard'),
    emptyOutDir: true,
    // Source maps only in the development build: the production build publishes none (issue 16, item 10).
    sourcemap: mode === 'development',
    rolldownOptions: {
      // The dashboard, the reader page (served by the API at /read/:externalId) and the publishers' embed script,
      // which keeps a stable URL (/embed.js) because it is pasted into other sites' pages.
      input: {
        index: resolve(root, 'index.html'),
        reader: resolve(root, 'reader.html'),
        embed: resolve(root, 'src/reader/embed.ts'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'embed' ? 'embed.js' : 'assets/[name]-[hash].js'),
        // Vendor code in a few long-lived chunks, so a dashboard release does not invalidate them.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion|@popperjs)[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
}));
