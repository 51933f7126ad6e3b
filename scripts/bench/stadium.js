// The seat map benchmark (run by scripts/bench/stadium.sh): for each catalog, a real encore-server on loopback and
// headless Chromium. Prints the time from navigation to the first frame with seats (and where it went), the bytes
// on the wire, the wasm's CPU time per frame while panning and zooming at several zooms, and hit-test times.
// usage: node stadium.js SERVER WEBROOT name=catalog.json [name=catalog.json ...]
'use strict';
const path = require('node:path');
const repo = path.resolve(__dirname, '../..');
const { chromium } = require(path.join(repo, 'tests/e2e/node_modules/playwright-core'));
const { startServer, CHROMIUM_ARGS } = require(path.join(repo, 'tests/e2e/harness.js'));

const [serverBin, webroot, ...catalogs] = process.argv.slice(2);
const COLD_RUNS = Number(process.env.ENCORE_BENCH_RUNS || 5);
const VIEWPORT = { width: 1280, height: 800 };

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN; };
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '-');
const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : '-');
const kb = (b) => `${(b / 1024).toFixed(0)} KB`;

const json = async (page, fn, ...args) => JSON.parse(await page.evaluate(([f, a]) => UTF8ToString(Module[f](...a)), [fn, args]));
async function frames(page, n) {
  const f0 = await page.evaluate(() => Module._encore_frame_count());
  await page.waitForFunction((f) => Module._encore_frame_count() >= f, f0 + n, { timeout: 30000 });
}

// One cold load in a fresh context (empty cache): the start steps and the resources' timings and sizes.
async function coldLoad(browser, baseUrl) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/index.html`);
  await page.waitForFunction(() => typeof Module !== 'undefined' && Module.calledRun &&
    JSON.parse(UTF8ToString(Module._encore_frame_stats_json())).steps.seats_drawn !== undefined, null, { timeout: 60000 });
  const stats = await json(page, '_encore_frame_stats_json');
  const timing = await page.evaluate(() => ({
    http: (Module.encoreHttpTimes || []).map((t) => ({ url: t.url.split('?')[0], arrived: t.arrived, handled: t.handled })),
    nav: performance.getEntriesByType('navigation').map((e) => ({ name: 'index.html', start: e.startTime, end: e.responseEnd,
      transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize }))[0],
    resources: performance.getEntriesByType('resource').map((e) => ({ name: e.name.replace(location.origin, ''), start: e.startTime,
      end: e.responseEnd, transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize })),
  }));
  return { context, page, steps: stats.steps, timing };
}

function startReport(name, loads) {
  const steps = Object.keys(loads[0].steps);
  const at = (load, n) => {
    const r = n === 'index.html' ? load.timing.nav : load.timing.resources.find((x) => x.name.split('?')[0] === n);
    return r;
  };
  console.log(`\n== ${name}: navigation -> first frame with seats, median of ${loads.length} cold loads (ms since navigation start)`);
  for (const s of steps) console.log(`  ${s.padEnd(24)} ${f1(median(loads.map((l) => l.steps[s])))}`);
  const names = ['index.html', '/encore.js', '/encore.wasm', '/api/catalog'];
  const avail = loads[0].timing.resources.find((r) => /\/availability/.test(r.name));
  if (avail) names.push(avail.name.split('?')[0]);
  console.log('  resource                               fetch start  response end   on the wire    body (decoded)');
  let wire = 0;
  for (const n of names) {
    const rs = loads.map((l) => at(l, n)).filter(Boolean);
    if (!rs.length) continue;
    wire += rs[0].transfer;
    console.log(`  ${n.padEnd(38)} ${f1(median(rs.map((r) => r.start))).padStart(11)} ${f1(median(rs.map((r) => r.end))).padStart(13)} ` +
      `${kb(rs[0].transfer).padStart(12)} ${kb(rs[0].decoded).padStart(14)}`);
  }
  for (const n of ['/api/catalog', avail && avail.name.split('?')[0]].filter(Boolean)) {
    const hs = loads.map((l) => l.timing.http.find((h) => h.url === n)).filter(Boolean);
    if (hs.length) console.log(`  ${n} answer: text in wasm at ${f1(median(hs.map((h) => h.arrived)))}, handled (parsed, state updated) ` +
      `by ${f1(median(hs.map((h) => h.handled)))}: ${f1(median(hs.map((h) => h.handled - h.arrived)))} ms in the client`);
  }
  const all = loads[0].timing.resources.reduce((a, r) => a + r.transfer, loads[0].timing.nav.transfer);
  console.log(`  bytes on the wire to the first frame with seats: ${all} (${kb(all)}; the five above: ${kb(wire)})`);
  console.log(`  FIRST FRAME WITH SEATS: median ${f1(median(loads.map((l) => l.steps.seats_drawn)))} ms ` +
    `(min ${f1(Math.min(...loads.map((l) => l.steps.seats_drawn)))}, max ${f1(Math.max(...loads.map((l) => l.steps.seats_drawn)))})`);
}

// Zooms with the wheel about (x, y) until a seat is at least `css` CSS px (or at most, zooming out).
async function zoomTo(page, x, y, css) {
  for (let i = 0; i < 60; i++) {
    const m = await json(page, '_encore_map_json');
    if (Math.abs(Math.log(m.scale / css)) < 0.1) return m;
    await page.mouse.move(x, y);
    await page.mouse.wheel(0, m.scale < css ? -100 : 100);
    await frames(page, 2);
  }
  return json(page, '_encore_map_json');
}

// Frame times while dragging the map around (x, y) and while zooming in and out there.
async function motion(page, x, y, what) {
  const measure = async (act) => {
    await frames(page, 2);
    await page.evaluate(() => Module._encore_frame_stats_reset());
    await act();
    const s = await json(page, '_encore_frame_stats_json');
    return s;
  };
  const pan = await measure(async () => {
    await page.mouse.move(x, y);
    await page.mouse.down();
    for (let k = 1; k <= 60; k++) {
      const a = (k / 60) * 2 * Math.PI;
      await page.mouse.move(x + 40 * Math.sin(a), y + 25 * Math.sin(2 * a));
      await frames(page, 1);
    }
    await page.mouse.up();
  });
  const zoom = await measure(async () => {
    for (let k = 0; k < 24; k++) {
      await page.mouse.move(x, y);
      await page.mouse.wheel(0, k % 12 < 6 ? -40 : 40);
      await frames(page, 1);
    }
  });
  const m = await json(page, '_encore_map_json');
  const row = (label, s) => console.log(`  ${(what + ' ' + label).padEnd(40)} ${String(s.frames.length).padStart(5)} ` +
    `${f3(median(s.frames)).padStart(8)} ${f3(pct(s.frames, 0.95)).padStart(8)} ${f3(Math.max(...s.frames)).padStart(8)}` +
    `${f3(median(s.built)).padStart(12)}`);
  row(`pan (${f1(m.scale)} px/seat${m.sections_shown ? ', sections' : ''})`, pan);
  row('zoom in/out', zoom);
  return [...pan.frames, ...zoom.frames];
}

async function benchCatalog(browser, name, catalog) {
  const server = startServer({ server: serverBin, webroot, catalog }, []);
  try {
    const baseUrl = await server.url;
    const loads = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      const l = await coldLoad(browser, baseUrl);
      loads.push(l);
      if (i < COLD_RUNS - 1) await l.context.close();
    }
    startReport(name, loads);
    const { page, context } = loads[loads.length - 1];
    const fit = await json(page, '_encore_map_json');
    const seats = fit.sections.filter((s) => s.seats > 0);
    const cx = seats.reduce((a, s) => a + s.x, 0) / seats.length, cy = seats.reduce((a, s) => a + s.y, 0) / seats.length;
    console.log(`\n== ${name}: ${fit.seats} seats, ${fit.sections.length} sections; wasm CPU time per drawn frame (ms)`);
    console.log(`  ${'view'.padEnd(40)} ${'frames'.padStart(5)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)} ${'built (med)'.padStart(12)}`);
    const all = [];
    all.push(...await motion(page, cx, cy, 'whole plan'));
    const hits = [];
    hits.push(['whole plan', await json(page, '_encore_bench_hit_test', 20000)]);
    // A section a little off the centre: the zooms below stay on seats.
    const target = seats.reduce((best, s) => (Math.hypot(s.x - cx, s.y - cy) < Math.hypot(best.x - cx, best.y - cy) ? s : best), seats[0]);
    for (const css of [4, 8, 16, 40]) {
      const at = (await json(page, '_encore_map_json')).sections.find((s) => s.id === target.id);
      await zoomTo(page, at.x, at.y, css);
      const now = (await json(page, '_encore_map_json')).sections.find((s) => s.id === target.id);
      all.push(...await motion(page, Math.min(Math.max(now.x, 300), 1000), Math.min(Math.max(now.y, 200), 650), `${css} px/seat`));
      if (css === 40) hits.push(['close-up', await json(page, '_encore_bench_hit_test', 20000)]);
    }
    console.log(`  WORST FRAME over every view: ${f3(Math.max(...all))} ms; p95 ${f3(pct(all, 0.95))} ms`);
    console.log(`\n== ${name}: hit-testing (mean per test over 20,000 random points of the map)`);
    for (const [label, h] of hits)
      console.log(`  ${label.padEnd(12)} seat (grid) ${f3(h.seat_ms * 1000)} us, section ${f3(h.section_ms * 1000)} us, ` +
        `scan of every seat (before) ${f3(h.scan_ms * 1000)} us`);
    await context.close();
  } finally {
    server.stop();
  }
}

(async () => {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    for (const spec of catalogs) {
      const [name, file] = spec.split('=');
      await benchCatalog(browser, name, file);
    }
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });
