// Builds the map benchmark page (bench/map.html) into bench/dist; the app's own build
// (vite.config.ts, dist/) is untouched. `cytoscape` is aliased to a shim that can switch on
// the WebGL renderer (?renderer=webgl) without changing the map's code.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [svelte({ configFile: here('../svelte.config.js') })],
  clearScreen: false,
  logLevel: 'warn',
  resolve: {
    alias: [
      { find: /^cytoscape$/, replacement: here('./cytoscape-shim.ts') },
      { find: /^cytoscape-real$/, replacement: here('../node_modules/cytoscape/dist/cytoscape.esm.mjs') },
    ],
  },
  build: {
    target: 'es2022',
    outDir: here('./dist'),
    emptyOutDir: true,
    rollupOptions: { input: here('./map.html') },
    chunkSizeWarningLimit: 4000,
  },
});
