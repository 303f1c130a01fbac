// Vite + Vitest configuration for the Rapport desktop frontend (served to Tauri's webview).
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Tauri starts the webview with `Object.prototype` frozen (`freezePrototype` in
 * `src-tauri/tauri.conf.json`, see docs/security.md). In strict code an assignment
 * cannot then create an own property whose name is inherited from the frozen
 * prototype (the "override mistake"). Cytoscape copies its selector methods, one of
 * them `toString`, onto `Selector.prototype` with `Object.assign` while its module
 * loads, which throws `TypeError: Attempted to assign to readonly property` there, so
 * the whole bundle failed to start and the window stayed blank. This defines those
 * methods as own properties instead (the same writable, enumerable, configurable
 * properties the assignment makes elsewhere). The build fails if a new Cytoscape
 * no longer has the statement, so the patch cannot silently stop applying.
 */
function cytoscapeUnderFrozenPrototype(): Plugin {
  const statement = 'return extend(selfn, p);';
  return {
    name: 'rapport:cytoscape-frozen-prototype',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]cytoscape[\\/]dist[\\/]cytoscape\.esm\.mjs$/.test(id.split('?')[0] ?? '')) {
        return null;
      }
      if (!code.includes(statement)) {
        this.error(`cytoscape changed: "${statement}" not found; check it still loads with Object.prototype frozen`);
      }
      return {
        code: code.replace(statement, 'return Object.defineProperties(selfn, Object.getOwnPropertyDescriptors(p));'),
        map: null,
      };
    },
  };
}

export default defineConfig({
  plugins: [cytoscapeUnderFrozenPrototype(), svelte()],
  clearScreen: false,
  server: {
    port: 5173,
    strictPort: true,
  },
  // Served as is by the dev server too: pre-bundling would skip the patch above.
  optimizeDeps: { exclude: ['cytoscape'] },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
  },
});
