// Builds the portfolio timeline benchmark page (bench/timeline.html) into bench/dist-timeline.
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
  build: {
    target: 'es2022',
    outDir: here('./dist-timeline'),
    emptyOutDir: true,
    rollupOptions: { input: here('./timeline.html') },
  },
});
