// The app runs with Tauri's `freezePrototype`: Object.prototype is frozen, so a library that
// assigns an inherited property such as `constructor` or `toString` on a plain object throws
// while loading, and the window stays blank (d3-scale did). Each runtime dependency must load
// in Node under the same condition. Cytoscape is the known exception: the build patches it
// (vite.config.ts, `cytoscapeUnderFrozenPrototype`) and fails if the patch no longer applies.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ui = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const pkg = JSON.parse(readFileSync(join(ui, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
const PATCHED_AT_BUILD = new Set(['cytoscape']);

function loadsFrozen(specifier: string): string {
  const script = `Object.freeze(Object.prototype); await import(${JSON.stringify(specifier)}); console.log('loaded');`;
  try {
    return execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ui, encoding: 'utf8', stdio: 'pipe' }).trim();
  } catch (e) {
    return String((e as { stderr?: string }).stderr ?? e);
  }
}

describe('runtime dependencies under a frozen Object.prototype', () => {
  const deps = Object.keys(pkg.dependencies).filter((d) => !PATCHED_AT_BUILD.has(d));
  it.each(deps)('%s loads', (dep) => {
    expect(loadsFrozen(dep)).toBe('loaded');
  });

  it('would catch a library that assigns an inherited property', () => {
    const script = 'function F() {} F.prototype = {}; F.prototype.constructor = F;';
    const out = (() => {
      try {
        execFileSync(process.execPath, ['--input-type=module', '-e', `Object.freeze(Object.prototype); ${script}`], { stdio: 'pipe' });
        return 'loaded';
      } catch {
        return 'threw';
      }
    })();
    expect(out).toBe('threw');
  });
});
