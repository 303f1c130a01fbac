#!/usr/bin/env node
// The map benchmark: builds bench/map.html (the real MapView with a generated account of 2,000
// people and 10,000 ties, IPC mocked), serves it, opens it in headless Chromium and prints
//   - open (mount) → first paint for each layout, and the switch org chart → network, split
//     into before layout / layout worker / applying / first draw, with the CPU time spent;
//   - median and 95th-percentile frame time while the view pans and zooms for 5 s each, moved
//     by code every frame (cy.panBy / cy.zoom) and by real mouse input (drag, wheel);
// for Cytoscape's canvas renderer and its WebGL renderer. Each figure is the median of --runs
// fresh page loads. See docs/performance.md ("Map").
//
//   npm run bench:map -- [--json] [--runs 3] [--renderer canvas|webgl|both] [--seconds 5]
//                        [--no-build] [--chromium /usr/bin/chromium] [--open-only] [--profile] [--trace]
//                        [--screenshots DIR]
//
// --open-only skips the pan and zoom runs; --trace saves a Chromium trace of each open and prints
// the main thread's time by kind of work; --profile saves a CPU profile of each open to
// target/bench-map/*.cpuprofile (open it in Chrome DevTools) and prints its heaviest functions
// (the page is then built unminified, so the names are readable).
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/** @typedef {import('playwright-core').Page} Page */
/** @typedef {import('playwright-core').CDPSession} CDPSession */
/** @typedef {import('./map-bench').Timing} Timing */
/** @typedef {import('./map-bench').Frames} Frames */
/** @typedef {Timing & { cpuMain: number; cpuProcess: number }} Measured */
/** @typedef {{ pan: Frames; zoom: Frames; drag: Frames; wheel: Frames }} Motion */
/**
 * @typedef {{
 *   openOrg: Measured; openNet: Measured; switchNetwork: Measured; org: Motion; net: Motion; webgl: boolean;
 *   computeOrg: number; computeNet: number; calls: Record<string, number>; errors: string[];
 * }} Run
 */
/** @typedef {{ nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[] }} CpuProfile */

const here = dirname(fileURLToPath(import.meta.url));
const ui = join(here, '..');
const dist = join(here, 'dist');
/** Where --profile writes its CPU profiles (the repository's target/, ignored by git). */
const profiles = join(ui, '..', 'target', 'bench-map');

const argv = process.argv.slice(2);
/** @param {string} name */
const flag = (name) => argv.includes(name);
/** @param {string} name @param {string} fallback */
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return (i >= 0 ? argv[i + 1] : undefined) ?? fallback;
};
const json = flag('--json');
const runs = Number(option('--runs', '3'));
const seconds = Number(option('--seconds', '5'));
const rendererChoice = option('--renderer', 'both');
const renderers = rendererChoice === 'both' ? ['canvas', 'webgl'] : [rendererChoice];
const executablePath = option('--chromium', process.env.CHROMIUM ?? '/usr/bin/chromium');
const profile = flag('--profile');
const trace = flag('--trace');
const openOnly = flag('--open-only');
/** With --screenshots DIR: a PNG of each layout as first shown (run 1), to look at the picture. */
const shots = option('--screenshots', '');
/** @param {unknown[]} args */
const log = (...args) => console.error(...args);

if (!flag('--no-build')) {
  log('building bench/map.html …');
  const minify = profile ? ['--minify', 'false'] : [];
  const built = spawnSync(process.execPath, [join(ui, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(here, 'vite.config.ts'), ...minify], {
    cwd: ui,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
if (!existsSync(join(dist, 'map.html'))) {
  log('bench/dist/map.html is missing: run without --no-build');
  process.exit(1);
}

// ---- a static server for bench/dist ----
/** @type {Record<string, string>} */
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  const file = join(dist, path === '/' ? 'map.html' : path);
  if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;

// ---- the browser ----
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // WebGL without a GPU: SwiftShader (software), which Chromium only allows when asked
    '--use-angle=swiftshader',
    '--enable-unsafe-swiftshader',
  ],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * With --profile: a CPU profile of the page's main thread while `fn` runs, saved to
 * target/bench-map/<label>.cpuprofile, and its heaviest functions printed.
 * @template T
 * @param {Page} page @param {string} label @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function profiled(page, label, fn) {
  if (trace) return traced(page, label, fn);
  if (!profile) return fn();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  const out = await fn();
  const { profile: p } = await cdp.send('Profiler.stop');
  await cdp.detach();
  mkdirSync(profiles, { recursive: true });
  writeFileSync(join(profiles, `${label}.cpuprofile`), JSON.stringify(p));
  printProfile(/** @type {CpuProfile} */ (/** @type {unknown} */ (p)), label);
  return out;
}

/**
 * With --trace: a Chromium trace of `fn` (saved beside the profiles, opens in DevTools), and the
 * renderer main thread's time by kind of work (script, style, layout, paint, canvas…): what a
 * CPU profile shows only as "(program)".
 * @template T
 * @param {Page} page @param {string} label @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function traced(page, label, fn) {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'cc', 'gpu', 'toplevel'] });
  const out = await fn();
  const buffer = await browser.stopTracing();
  mkdirSync(profiles, { recursive: true });
  writeFileSync(join(profiles, `${label}.trace.json`), buffer);
  /** @type {{ traceEvents: { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string } }[] }} */
  const data = JSON.parse(buffer.toString());
  const events = data.traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) return out;
  // self time of each complete event on the main thread (its duration less its children's)
  const spans = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && (e.dur ?? 0) > 0).sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  /** @type {Map<string, number>} */
  const self = new Map();
  /** @type {{ name: string; end: number; self: number }[]} */
  const stack = [];
  const close = (/** @type {number} */ until) => {
    while (stack.length && (stack[stack.length - 1]?.end ?? Infinity) <= until) {
      const done = /** @type {{ name: string; end: number; self: number }} */ (stack.pop());
      self.set(done.name, (self.get(done.name) ?? 0) + done.self / 1000);
    }
  };
  for (const e of spans) {
    close(e.ts);
    const dur = e.dur ?? 0;
    const parent = stack[stack.length - 1];
    if (parent) parent.self -= dur;
    stack.push({ name: e.name, end: e.ts + dur, self: dur });
  }
  close(Infinity);
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  log(`  trace ${label}: main thread self time by event\n${rows.map(([n, t]) => `    ${t.toFixed(0).padStart(7)} ms  ${n}`).join('\n')}`);
  return out;
}

/** @param {CpuProfile} p @param {string} label */
function printProfile(p, label) {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** @type {Map<number, number>} */
  const selfTime = new Map();
  p.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000));
  /** @param {number} id */
  const name = (id) => {
    const f = byId.get(id)?.callFrame;
    if (!f) return '?';
    return `${f.functionName || '(anonymous)'} ${f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : ''}`.trim();
  };
  /** @type {Map<string, number>} */
  const self = new Map();
  /** @type {Map<string, number>} */
  const total = new Map();
  for (const [id, t] of selfTime) {
    self.set(name(id), (self.get(name(id)) ?? 0) + t);
    const seen = new Set();
    for (let cur = /** @type {number | undefined} */ (id); cur !== undefined; cur = parent.get(cur)) {
      const k = name(cur);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + t);
    }
  }
  /** @param {Map<string, number>} m @param {number} k */
  const top = (m, k) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([f, t]) => `    ${t.toFixed(0).padStart(7)} ms  ${f}`)
      .join('\n');
  log(`  profile ${label}: self time\n${top(self, 25)}\n  inclusive time\n${top(total, 40)}`);
}

/** With --screenshots: the page as it is now, to DIR/<name>.png (first run only).
 * @param {Page} page @param {string} name @param {number} run */
async function screenshot(page, name, run) {
  if (!shots || run !== 1) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

/** CPU time of each page's main thread and whole renderer process (incl. the layout worker
 * and raster threads): unlike wall-clock times, hardly affected by other load on the machine.
 * @type {Map<Page, CDPSession>} */
const cpu = new Map();

/** @param {Page} page */
async function cpuNow(page) {
  const session = cpu.get(page);
  if (!session) throw new Error('no CDP session for the page');
  const { metrics } = await session.send('Performance.getMetrics');
  /** @param {string} name */
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  return { thread: get('ThreadTime') * 1000, process: get('ProcessTime') * 1000 };
}

/** Runs `fn` (a page.evaluate returning a Timing) and adds the CPU milliseconds it took.
 * @param {Page} page @param {() => Promise<Timing>} fn @returns {Promise<Measured>} */
async function withCpu(page, fn) {
  const before = await cpuNow(page);
  const timing = await fn();
  const after = await cpuNow(page);
  return { ...timing, cpuMain: after.thread - before.thread, cpuProcess: after.process - before.process };
}

/** A new page with the benchmark loaded and its account generated.
 * @param {string} renderer */
async function fresh(renderer) {
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  cpu.set(page, cdp);
  await page.goto(`http://127.0.0.1:${port}/map.html?renderer=${renderer}`);
  const info = await page.evaluate(() => window.__bench.ready);
  return { page, info, errors };
}

/** Frame times while the driver drags the map's background (a user's pan).
 * @param {Page} page @param {number} ms @returns {Promise<Frames>} */
async function dragFrames(page, ms) {
  const p = await page.evaluate(() => window.__bench.emptyPoint());
  await page.mouse.move(p.x, p.y);
  await page.mouse.down();
  await page.evaluate(() => window.__bench.startFrames('none', 600_000));
  const start = Date.now();
  while (Date.now() - start < ms) {
    const t = Date.now() - start;
    await page.mouse.move(p.x + 240 * (1 - Math.cos(t / 600)), p.y + 170 * Math.sin(t / 800));
    await sleep(4);
  }
  const frames = await page.evaluate(() => window.__bench.stopFrames());
  await page.mouse.up();
  return frames;
}

/** Frame times while the driver turns the mouse wheel over the map (out for 1.25 s, in, …).
 * @param {Page} page @param {number} ms @returns {Promise<Frames>} */
async function wheelFrames(page, ms) {
  const c = await page.evaluate(() => window.__bench.centrePoint());
  await page.mouse.move(c.x, c.y);
  await page.evaluate(() => window.__bench.startFrames('none', 600_000));
  const start = Date.now();
  while (Date.now() - start < ms) {
    const t = Date.now() - start;
    await page.mouse.wheel(0, Math.floor(t / 1250) % 2 === 0 ? 100 : -100);
    await sleep(8);
  }
  return page.evaluate(() => window.__bench.stopFrames());
}

/** Pan and zoom, each from the map's own fitted view. @param {Page} page @param {number} ms @returns {Promise<Motion>} */
async function motionSuite(page, ms) {
  /** @type {Frames} */
  const none = { times: [], draws: [], span: 0 };
  if (openOnly) return { pan: none, zoom: none, drag: none, wheel: none };
  await page.evaluate(() => window.__bench.refit());
  const pan = await page.evaluate((d) => window.__bench.frames('pan', d), ms);
  await page.evaluate(() => window.__bench.refit());
  const zoom = await page.evaluate((d) => window.__bench.frames('zoom', d), ms);
  await page.evaluate(() => window.__bench.refit());
  const drag = await dragFrames(page, ms);
  await page.evaluate(() => window.__bench.refit());
  const wheel = await wheelFrames(page, ms);
  await page.evaluate(() => window.__bench.refit());
  return { pan, zoom, drag, wheel };
}

// ---- the runs ----
const loadBefore = loadavg()[0] ?? NaN;
/** @type {Record<string, Run[]>} */
const results = {};
/** @type {Awaited<Window['__bench']['ready']> | null} */
let account = null;
let gl = '';
for (const renderer of renderers) {
  /** @type {Run[]} */
  const perRun = [];
  for (let run = 1; run <= runs; run++) {
    log(`${renderer}: run ${run}/${runs}`);
    // 1. open with the org chart, move around it, switch to the network, move around that
    const first = await fresh(renderer);
    account = first.info;
    if (renderer === 'webgl') gl = first.info.gl;
    let page = first.page;
    const openOrg = await withCpu(page, () => profiled(page, `open-org-${renderer}-${run}`, () => page.evaluate(() => window.__bench.open('org_chart'))));
    const webgl = await page.evaluate(() => window.__bench.usesWebgl());
    await sleep(300);
    await screenshot(page, `org-chart-${renderer}`, run);
    const org = await motionSuite(page, seconds * 1000);
    const switchNetwork = await withCpu(page, () => page.evaluate(() => window.__bench.switchTo('network')));
    await sleep(300);
    const net = await motionSuite(page, seconds * 1000);
    const computeOrg = await page.evaluate(() => window.__bench.layoutCompute('org_chart'));
    const computeNet = await page.evaluate(() => window.__bench.layoutCompute('network'));
    const calls = await page.evaluate(() => window.__bench.calls());
    await page.close();
    // 2. open with the network layout in a fresh page
    const second = await fresh(renderer);
    page = second.page;
    const openNet = await withCpu(page, () => profiled(page, `open-network-${renderer}-${run}`, () => page.evaluate(() => window.__bench.open('network'))));
    await sleep(300);
    await screenshot(page, `network-${renderer}`, run);
    await page.close();
    const errors = [...first.errors, ...second.errors];
    if (errors.length) log(`  page errors: ${errors.join(' | ')}`);
    log(
      `  open org chart ${ms(openOrg.total)}, open network ${ms(openNet.total)}, switch ${ms(switchNetwork.total)}; ` +
        `pan median ${ms(median(org.pan.times))} / ${ms(median(net.pan.times))}`,
    );
    perRun.push({ openOrg, openNet, switchNetwork, org, net, webgl, computeOrg, computeNet, calls, errors });
  }
  results[renderer] = perRun;
}
await context.close();
const version = browser.version();
await browser.close();
server.close();

// ---- figures ----
/** @param {number[]} xs */
function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? NaN) : ((s[m - 1] ?? NaN) + (s[m] ?? NaN)) / 2;
}
/** @param {number[]} xs */
function p95(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)] ?? NaN;
}
/** @param {number} x */
function ms(x) {
  return Number.isFinite(x) ? `${Math.round(x)} ms` : '—';
}

/** The median over runs of one number per run. @param {Run[]} perRun @param {(r: Run) => number} pick */
const across = (perRun, pick) => median(perRun.map(pick));

/** @param {Run[]} perRun */
function summarise(perRun) {
  /** @param {'openOrg' | 'openNet' | 'switchNetwork'} key */
  const timing = (key) => {
    const fields = /** @type {const} */ (['total', 'ready', 'beforeLayout', 'worker', 'apply', 'toDrawn', 'firstDraw', 'tieDraw', 'toFrame', 'settled', 'layoutRequests', 'cpuMain', 'cpuProcess']);
    return Object.fromEntries(fields.map((f) => [f, across(perRun, (r) => r[key][f] ?? NaN)]));
  };
  /** @param {'org' | 'net'} layout */
  const motion = (layout) =>
    Object.fromEntries(
      /** @type {const} */ (['pan', 'zoom', 'drag', 'wheel']).map((m) => [
        m,
        {
          median: across(perRun, (r) => median(r[layout][m].times)),
          p95: across(perRun, (r) => p95(r[layout][m].times)),
          fps: across(perRun, (r) => (1000 * r[layout][m].times.length) / r[layout][m].span),
          draws: across(perRun, (r) => r[layout][m].draws.length),
          slowestDraw: across(perRun, (r) => Math.max(0, ...r[layout][m].draws)),
        },
      ]),
    );
  return {
    webgl: perRun.every((r) => r.webgl),
    openOrgChart: timing('openOrg'),
    openNetwork: timing('openNet'),
    switchToNetwork: timing('switchNetwork'),
    layoutComputeOrgChart: across(perRun, (r) => r.computeOrg),
    layoutComputeNetwork: across(perRun, (r) => r.computeNet),
    orgChart: motion('org'),
    network: motion('net'),
    nodes: perRun[0]?.openOrg.nodes,
    edges: { orgChart: perRun[0]?.openOrg.edges, network: perRun[0]?.openNet.edges },
    errors: perRun.flatMap((r) => r.errors),
  };
}

const summary = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, summarise(v)]));
const machine = {
  chromium: version,
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? '',
  rendering: 'software (--disable-gpu; WebGL through SwiftShader)',
  webglRenderer: gl,
  viewport: '1440×900, device pixel ratio 1',
  runs,
  seconds,
  /** Other work on the machine (1-minute load average before and after): wall-clock times grow with it, CPU times much less. */
  load: [Number(loadBefore.toFixed(2)), Number((loadavg()[0] ?? NaN).toFixed(2))],
};

if (json) {
  console.log(JSON.stringify({ account, machine, summary, runs: results }, null, 2));
} else {
  const cols = Object.keys(summary);
  /** @type {string[][]} */
  const rows = [];
  /** @param {string} label @param {(s: ReturnType<typeof summarise>) => string} f @param {string} [target] */
  const row = (label, f, target = '') => rows.push([label, ...cols.map((c) => (summary[c] ? f(summary[c]) : '—')), target]);
  /** @param {string} label @param {'openNetwork' | 'openOrgChart' | 'switchToNetwork'} key @param {string} target */
  const open = (label, key, target) => {
    row(label, (s) => ms(s[key].total ?? NaN), target);
    row('  before layout · worker · apply · to drawn (draw + layer)', (s) => {
      const t = s[key];
      const r = (/** @type {number | undefined | null} */ x) => Math.round(x ?? NaN);
      const ties = Number.isFinite(t.tieDraw) ? ` + ${r(t.tieDraw)}` : '';
      return `${r(t.beforeLayout)} · ${r(t.worker)} · ${r(t.apply)} · ${r(t.toDrawn)} (${r(t.firstDraw)}${ties})`;
    });
    row('  ready (Cytoscape drawn too: clicks work)', (s) => ms(s[key].ready ?? NaN));
    row('  CPU: main thread · whole renderer', (s) => `${Math.round(s[key].cpuMain ?? NaN)} · ${Math.round(s[key].cpuProcess ?? NaN)} ms`);
  };
  open('open, network layout → first paint', 'openNetwork', '< 1500 ms');
  open('open, org chart → first paint', 'openOrgChart', '< 2000 ms');
  open('switch org chart → network → first paint', 'switchToNetwork', '');
  row('layout compute alone: network · org chart', (s) => `${Math.round(s.layoutComputeNetwork)} · ${Math.round(s.layoutComputeOrgChart)} ms`);
  if (!openOnly) {
    for (const [layout, name] of /** @type {const} */ ([['network', 'network'], ['orgChart', 'org chart']])) {
      for (const [m, what, target] of /** @type {const} */ ([
        ['pan', 'pan (cy.panBy each frame)', '< 33 ms median'],
        ['zoom', 'zoom (cy.zoom each frame)', ''],
        ['drag', 'pan (mouse drag)', '< 33 ms median'],
        ['wheel', 'zoom (mouse wheel)', ''],
      ])) {
        row(
          `${name}: ${what}, median / p95 (fps)`,
          (s) => {
            const f = s[layout][m];
            return f ? `${f.median.toFixed(1)} / ${f.p95.toFixed(1)} ms (${f.fps.toFixed(1)})` : '—';
          },
          target,
        );
      }
      row(`${name}: slowest draw: pan · zoom · drag · wheel`, (s) =>
        /** @type {const} */ (['pan', 'zoom', 'drag', 'wheel']).map((m) => Math.round(s[layout][m]?.slowestDraw ?? NaN)).join(' · ') + ' ms',
      );
    }
  }
  const head = ['', ...cols, 'target'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  /** @param {string[]} cells */
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join(' | ')} |`;
  if (account) {
    console.log(
      `Map benchmark: ${account.people} people in ${account.units} units (${account.roots} roots, depth ${account.depth}), ` +
        `${account.ties} influence ties, ${account.team} team members, ${account.coverage} coverage ties`,
    );
  }
  console.log(
    `Chromium ${machine.chromium}, headless, ${machine.rendering}; ${machine.cores} cores (${machine.cpu}), ` +
      `load average ${machine.load.join(' → ')}; median of ${runs} runs`,
  );
  if (gl) console.log(`WebGL: ${gl}`);
  console.log('');
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  const errors = Object.values(summary).flatMap((s) => s.errors);
  if (errors.length) console.log(`\npage errors: ${errors.join(' | ')}`);
}
