import { defineConfig } from 'vite';

/**
 * The console is built to static files (`dist/`) that the gateway serves at /console: hashed
 * names under `assets/` (cached as immutable), no inline scripts or styles (the gateway's CSP
 * refuses them), pdf.js and its worker as chunks of their own, loaded only by the document view.
 */
export default defineConfig({
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    chunkSizeWarningLimit: 1500,
  },
});
