#!/usr/bin/env node
// The portfolio timeline benchmark: builds bench/timeline.html (the real PortfolioTimeline
// component, a generated portfolio), serves it, opens it in headless Chromium and prints, for
// each portfolio size, mount → first paint and re-sort → next paint (the median of --runs fresh
// page loads). The target: 500 accounts render in under 1 s. See docs/performance.md.
//
//   npm run bench:timeline -- [--json] [--runs 5] [--accounts 100,500,1000] [--no-build]
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** @typedef {import('./timeline-bench').TimelineRun} TimelineRun */

const here = dirname(fileURLToPath(import.meta.url));
const ui = join(here, '..');
const dist = join(here, 'dist-timeline');
const argv = process.argv.slice(2);
/** @param {string} name */
const flag = (name) => argv.includes(name);
/** @param {string} name @param {string} fallback */
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return (i >= 0 ? argv[i + 1] : undefined) ?? fallback;
};
const runs = Number(option('--runs', '5'));
const sizes = option('--accounts', '100,500,1000').split(',').map(Number);
const executablePath = option('--chromium', process.env.CHROMIUM ?? '/usr/bin/chromium');
/** @param {unknown[]} args */
const log = (...args) => console.error(...args);

if (!flag('--no-build')) {
  log('building bench/timeline.html …');
  const built = spawnSync(process.execPath, [join(ui, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(here, 'timeline.vite.config.ts')], {
    cwd: ui,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

/** @type {Record<string, string>} */
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(dist, path === '/' ? 'timeline.html' : path);
  if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 0;

/** @param {number[]} xs @returns {number} */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

const browser = await chromium.launch({ executablePath, args: ['--disable-gpu', '--no-sandbox'] });
/** @type {Record<number, TimelineRun[]>} */
const results = {};
try {
  for (const n of sizes) {
    results[n] = [];
    for (let r = 0; r < runs; r++) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      /** @type {string[]} */
      const errors = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`http://127.0.0.1:${port}/timeline.html`);
      await page.waitForFunction(() => '__timelineBench' in window);
      const run = /** @type {TimelineRun} */ (
        await page.evaluate((count) => /** @type {any} */ (window).__timelineBench(count), n)
      );
      if (errors.length) throw new Error(errors.join('\n'));
      if (run.lanes !== n) throw new Error(`drew ${run.lanes} lanes of ${n}`);
      results[n].push(run);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}

const version = browser.version();
const summary = sizes.map((n) => {
  const rs = results[n] ?? [];
  return {
    accounts: n,
    stageChanges: rs[0]?.changes ?? 0,
    svgNodes: rs[0]?.svgNodes ?? 0,
    mount: median(rs.map((r) => r.mount)),
    firstPaint: median(rs.map((r) => r.firstPaint)),
    resort: median(rs.map((r) => r.resort)),
  };
});
const machine = { chromium: version, cores: cpus().length, cpu: cpus()[0]?.model ?? '', load: loadavg().slice(0, 2), runs };
if (flag('--json')) console.log(JSON.stringify({ machine, summary, results }, null, 2));
else {
  console.log(`portfolio timeline, Chromium ${version}, ${machine.cores} cores, load ${machine.load.map((x) => x.toFixed(2)).join(' ')}, median of ${runs}`);
  for (const s of summary) {
    console.log(
      `  ${String(s.accounts).padStart(5)} accounts (${s.stageChanges} stage changes, ${s.svgNodes} SVG nodes): ` +
        `mount ${s.mount.toFixed(0)} ms, first paint ${s.firstPaint.toFixed(0)} ms, re-sort ${s.resort.toFixed(0)} ms`,
    );
  }
}
