// Browser end-to-end test of the seat map: the real encore-server (temp db, demo catalog, demo sales)
// serves the web root; headless Chromium clicks seats, zooms, and reads the client's state exports.
// Run: ENCORE_SERVER=... ENCORE_WEBROOT=... ENCORE_CATALOG=... node --test tests/e2e/
'use strict';
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const OUT_DIR = path.join(__dirname, 'out');
const CHROMIUM_ARGS = ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// A path from the environment that must exist; a clear message otherwise.
function requiredPath(name, what) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: point it at ${what} (see tests/e2e/seatmap.test.js)`);
  if (!fs.existsSync(value)) throw new Error(`${name}=${value} does not exist: build ${what} first`);
  return path.resolve(value);
}

// Starts the real server on a free port; resolves with its base URL from the "listening on" line.
function startServer({ server, webroot, catalog }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-e2e-'));
  const child = spawn(server, ['--port', '0', '--db', path.join(dir, 'e2e.db'), '--web-root', webroot,
    '--catalog', catalog, '--demo-sales'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`encore-server did not say where it listens within 15 s:\n${output}`)), 15000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const m = /encore-server listening on (http:\/\/\S+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.stderr.on('data', (chunk) => { output += chunk; });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`encore-server exited with ${code}:\n${output}`)); });
  });
  return { child, dir, url };
}

async function state(page) {
  return JSON.parse(await page.evaluate(() => UTF8ToString(Module._encore_state_json())));
}

async function seatPos(page, seatId) {
  return JSON.parse(await page.evaluate((id) => UTF8ToString(Module.ccall('encore_seat_screen_pos', 'number', ['string'], [id])), seatId));
}

// Lets at least n more frames run, so input delivered between frames has been handled.
async function waitFrames(page, n = 3) {
  const f0 = await page.evaluate(() => Module._encore_frame_count());
  await page.waitForFunction((f) => Module._encore_frame_count() >= f, f0 + n, { timeout: 15000 });
}

async function openPage(browser, baseUrl, { dpr = 1, width = 1280, height = 800, setup } = {}) {
  const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: dpr });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (setup) await setup(page);
  await page.goto(`${baseUrl}/index.html`);
  await page.waitForFunction(() => typeof Module !== 'undefined' && Module.calledRun && Module._encore_frame_count() > 3,
    null, { timeout: 20000 });
  return { page, errors };
}

async function waitReady(page) {
  await page.waitForFunction(() => {
    const s = JSON.parse(UTF8ToString(Module._encore_state_json()));
    return s.phase === 'ready' && s.availability === 'ready';
  }, null, { timeout: 20000 });
  await waitFrames(page, 2);
}

// The plan's seats in plan order, each with its section name and row.
function planSeats(catalog, venueId) {
  const venue = catalog.venues.find((v) => v.id === venueId);
  const seats = [];
  for (const section of venue.plan.sections)
    for (const row of section.rows)
      for (const seat of row.seats) seats.push({ ...seat, section: section.name, row: row.name });
  return seats;
}

function gbp(minor) { return `£${(minor / 100).toFixed(2)}`; }

// The three inputs, checked before anything starts; a missing one fails with a sentence saying what to set.
function inputPaths() {
  const paths = {
    server: requiredPath('ENCORE_SERVER', 'the encore-server binary'),
    webroot: requiredPath('ENCORE_WEBROOT', 'the web root with index.html, encore.js and encore.wasm'),
    catalog: requiredPath('ENCORE_CATALOG', 'the demo catalog JSON (assets/demo/catalog.json)'),
  };
  for (const f of ['index.html', 'encore.js', 'encore.wasm'])
    if (!fs.existsSync(path.join(paths.webroot, f))) throw new Error(`ENCORE_WEBROOT has no ${f}: build encore_web first`);
  return paths;
}

let setupProblem = null;
try { inputPaths(); } catch (e) { setupProblem = e; }
if (setupProblem) test('e2e inputs are configured', () => { throw setupProblem; });

describe('seat map in the browser against the real server', { skip: setupProblem ? 'inputs missing (see the failure above)' : false }, () => {
  let server, browser, baseUrl, catalog;

  before(async () => {
    const paths = inputPaths();
    fs.mkdirSync(OUT_DIR, { recursive: true });
    server = startServer(paths);
    baseUrl = await server.url;
    catalog = await (await fetch(`${baseUrl}/api/catalog`)).json();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    if (browser) await browser.close().catch(() => {});
    if (server) {
      server.child.kill('SIGTERM');
      fs.rmSync(server.dir, { recursive: true, force: true });
    }
  });

  // Select an available seat, ignore a sold one, zoom around the cursor; at one device pixel ratio.
  async function seatPickerCase(dpr, screenshotName) {
    const { page, errors } = await openPage(browser, baseUrl, { dpr });
    try {
      await waitReady(page);
      let s = await state(page);
      assert.equal(s.dpr, dpr);
      assert.equal(s.canvas.width, 1280 * dpr, 'backing store = CSS width × devicePixelRatio');
      assert.equal(s.canvas.height, 800 * dpr);
      assert.ok(s.instance, 'a performance is chosen at start');
      assert.equal(s.on_sale, true, 'the first performance chosen is on sale');
      assert.deepEqual(s.selection, []);
      assert.ok(s.seat_count > 1000, `the demo theatre has its seats (${s.seat_count})`);

      // What the server says about this performance, independently of the client.
      const instance = catalog.instances.find((i) => i.id === s.instance);
      const event = catalog.events.find((e) => e.id === instance.event);
      const venueId = instance.venue || event.venue;
      const priceList = catalog.price_lists.find((p) => p.id === (instance.price_list || event.price_list));
      const seats = planSeats(catalog, venueId);
      const avail = await (await fetch(`${baseUrl}/api/instances/${encodeURIComponent(s.instance)}/availability`)).json();
      assert.equal(avail.seats.length, seats.length);
      assert.equal(s.available_count, [...avail.seats].filter((c) => c === 'o').length);

      // An open stalls seat without marks, well inside the map, and a sold one.
      const candidates = [];
      for (let i = 0; i < seats.length; i++) candidates.push({ ...seats[i], state: avail.seats[i] });
      const pickVisible = async (filter) => {
        for (const seat of candidates.filter(filter)) {
          const p = await seatPos(page, seat.id);
          if (p.visible) return { seat, pos: p };
        }
        throw new Error('no visible seat matches');
      };
      const open = await pickVisible((c) => c.state === 'o' && c.section === 'Stalls' && !(c.attributes || []).length && c.row >= 'F');
      const sold = await pickVisible((c) => c.state === 's');
      const price = priceList.prices.find((p) => p.band === open.seat.band && p.ticket_type === 'adult').amount;

      await page.mouse.click(open.pos.x, open.pos.y);
      await waitFrames(page);
      s = await state(page);
      assert.equal(s.selection.length, 1, `clicking ${open.seat.id} selects it: ${JSON.stringify(s.selection)}`);
      assert.equal(s.selection[0].seat, open.seat.id);
      assert.equal(s.selection[0].name, `${open.seat.section}, Row ${open.seat.row}, Seat ${open.seat.number}`);
      assert.equal(s.selection[0].band, open.seat.band);
      assert.equal(s.selection[0].price, price);
      assert.equal(s.selection[0].price_text, gbp(price));
      assert.equal(s.total, price);
      assert.equal(s.total_text, gbp(price));

      await page.mouse.click(sold.pos.x, sold.pos.y);
      await waitFrames(page);
      s = await state(page);
      assert.deepEqual(s.selection.map((x) => x.seat), [open.seat.id], `clicking sold seat ${sold.seat.id} changes nothing`);
      await page.mouse.move(10, 10);  // no hover ring or tooltip in the overview picture
      await waitFrames(page, 2);
      await page.screenshot({ path: path.join(OUT_DIR, screenshotName) });

      // Wheel zoom keeps the point under the cursor still: p1 = m + (p0 - m) * (z1 / z0).
      const m = { x: Math.round(open.pos.x) + 23, y: Math.round(open.pos.y) + 11 };
      const p0 = await seatPos(page, open.seat.id);
      const z0 = s.zoom;
      await page.mouse.move(m.x, m.y);
      await page.mouse.wheel(0, -300);
      await waitFrames(page);
      s = await state(page);
      assert.ok(s.zoom > z0 * 1.2, `wheel up zooms in (${z0} -> ${s.zoom})`);
      const p1 = await seatPos(page, open.seat.id);
      const k = s.zoom / z0;
      assert.ok(Math.abs(p1.x - (m.x + (p0.x - m.x) * k)) < 1.5, `x follows the zoom around the cursor: ${JSON.stringify({ p0, p1, m, k })}`);
      assert.ok(Math.abs(p1.y - (m.y + (p0.y - m.y) * k)) < 1.5, `y follows the zoom around the cursor: ${JSON.stringify({ p0, p1, m, k })}`);

      // After zooming the seat is still where the picker says: clicking it again deselects it.
      await page.mouse.click(p1.x, p1.y);
      await waitFrames(page);
      s = await state(page);
      assert.deepEqual(s.selection, [], 'clicking a selected seat deselects it');
      assert.equal(s.total_text, gbp(0));
      assert.deepEqual(errors, [], 'no uncaught page errors');
    } finally {
      await page.close();
    }
  }

  test('picks a seat, ignores a sold one and zooms at devicePixelRatio 1', { timeout: 90000 }, async () => {
    await seatPickerCase(1, 'seatmap.png');
  });

  test('the same at devicePixelRatio 2 (crisp backing store, CSS-pixel clicks)', { timeout: 90000 }, async () => {
    await seatPickerCase(2, 'seatmap@2x.png');
  });

  test('a mouse drag pans the map and selects nothing', { timeout: 60000 }, async () => {
    const { page, errors } = await openPage(browser, baseUrl);
    try {
      await waitReady(page);
      const s0 = await state(page);
      const seats = planSeats(catalog, catalog.instances.find((i) => i.id === s0.instance).venue || 'encore-theatre');
      const id = seats[Math.floor(seats.length / 2)].id;
      const p0 = await seatPos(page, id);
      await page.mouse.move(p0.x + 40, p0.y + 40);
      await page.mouse.down();
      await waitFrames(page, 2);
      await page.mouse.move(p0.x + 80, p0.y + 70, { steps: 5 });
      await waitFrames(page, 2);
      await page.mouse.up();
      await waitFrames(page);
      const p1 = await seatPos(page, id);
      assert.ok(Math.abs(p1.x - p0.x - 40) < 1.5 && Math.abs(p1.y - p0.y - 30) < 1.5, `drag moves the plan: ${JSON.stringify({ p0, p1 })}`);
      assert.deepEqual((await state(page)).selection, [], 'a drag is not a tap');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('touch: a tap selects, two fingers pinch-zoom, one finger pans', { timeout: 60000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 900, height: 700 }, hasTouch: true, isMobile: false });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${baseUrl}/index.html`);
      await page.waitForFunction(() => typeof Module !== 'undefined' && Module.calledRun && Module._encore_frame_count() > 3, null, { timeout: 20000 });
      await waitReady(page);
      let s = await state(page);
      const avail = await (await fetch(`${baseUrl}/api/instances/${encodeURIComponent(s.instance)}/availability`)).json();
      const seats = planSeats(catalog, 'encore-theatre');
      let open;
      for (let i = 0; i < seats.length && !open; i++) {
        if (avail.seats[i] !== 'o' || seats[i].section !== 'Stalls' || (seats[i].attributes || []).length) continue;
        const p = await seatPos(page, seats[i].id);
        if (p.visible) open = { seat: seats[i], pos: p };
      }
      assert.ok(open, 'an open stalls seat is on screen');
      await page.touchscreen.tap(open.pos.x, open.pos.y);
      await waitFrames(page);
      s = await state(page);
      assert.deepEqual(s.selection.map((x) => x.seat), [open.seat.id], 'a tap selects the seat');

      const cdp = await context.newCDPSession(page);
      const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
      const c = { x: Math.round(open.pos.x) + 30, y: Math.round(open.pos.y) + 20 };
      const z0 = s.zoom;
      const p0 = await seatPos(page, open.seat.id);
      await touch('touchStart', [[c.x - 40, c.y], [c.x + 40, c.y]]);
      await waitFrames(page, 2);
      for (const d of [50, 60, 70, 80]) {
        await touch('touchMove', [[c.x - d, c.y], [c.x + d, c.y]]);
        await waitFrames(page, 1);
      }
      await touch('touchEnd', []);
      await waitFrames(page);
      s = await state(page);
      const k = s.zoom / z0;
      assert.ok(Math.abs(k - 2) < 0.05, `spreading two fingers from 80 to 160 px doubles the zoom (${z0} -> ${s.zoom})`);
      const p1 = await seatPos(page, open.seat.id);
      assert.ok(Math.abs(p1.x - (c.x + (p0.x - c.x) * k)) < 1.5 && Math.abs(p1.y - (c.y + (p0.y - c.y) * k)) < 1.5,
        `the pinch zooms around the fingers' midpoint: ${JSON.stringify({ p0, p1, c, k })}`);
      assert.deepEqual(s.selection.map((x) => x.seat), [open.seat.id], 'a pinch selects nothing');

      await touch('touchStart', [[c.x, c.y]]);
      await waitFrames(page, 2);
      await touch('touchMove', [[c.x - 20, c.y - 10]]);
      await waitFrames(page, 1);
      await touch('touchMove', [[c.x - 50, c.y - 25]]);
      await waitFrames(page, 2);
      await touch('touchEnd', []);
      await waitFrames(page);
      const p2 = await seatPos(page, open.seat.id);
      assert.ok(Math.abs(p2.x - p1.x + 50) < 1.5 && Math.abs(p2.y - p1.y + 25) < 1.5, `one finger pans: ${JSON.stringify({ p1, p2 })}`);
      assert.deepEqual((await state(page)).selection.map((x) => x.seat), [open.seat.id], 'a pan selects nothing');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('failures are shown, not swallowed: catalog 500 and availability 404', { timeout: 60000 }, async () => {
    const broken = await openPage(browser, baseUrl, {
      setup: (page) => page.route('**/api/catalog', (route) => route.fulfill({ status: 500, contentType: 'application/problem+json',
        body: JSON.stringify({ title: 'Internal error', detail: 'The database is locked.' }) })),
    });
    try {
      await broken.page.waitForFunction(() => JSON.parse(UTF8ToString(Module._encore_state_json())).phase === 'error', null, { timeout: 15000 });
      const s = await state(broken.page);
      assert.match(s.error, /HTTP 500/);
      assert.match(s.error, /database is locked/);
    } finally {
      await broken.page.close();
    }
    const missing = await openPage(browser, baseUrl, {
      setup: (page) => page.route('**/api/instances/*/availability', (route) => route.fulfill({ status: 404,
        contentType: 'application/problem+json', body: JSON.stringify({ title: 'Instance not found', detail: 'There is no such instance.' }) })),
    });
    try {
      await missing.page.waitForFunction(() => JSON.parse(UTF8ToString(Module._encore_state_json())).availability === 'error', null, { timeout: 15000 });
      const s = await state(missing.page);
      assert.equal(s.phase, 'ready');
      assert.match(s.availability_error, /HTTP 404/);
      assert.match(s.availability_error, /no such instance/);
      await waitFrames(missing.page, 2);
      await missing.page.screenshot({ path: path.join(OUT_DIR, 'availability-error.png') });
    } finally {
      await missing.page.close();
    }
  });
});
