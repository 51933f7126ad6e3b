// Browser end-to-end test of the seat map: the real encore-server (temp db, demo catalog, demo sales)
// serves the web root; headless Chromium clicks seats (each click now holds the seat on the server), zooms,
// and reads the client's state exports.
// Run: ENCORE_SERVER=... ENCORE_WEBROOT=... ENCORE_CATALOG=... node --test tests/e2e/
'use strict';
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const { OUT_DIR, CHROMIUM_ARGS, inputPaths, startServer, state, seatPos, waitFrames, openPage, waitReady, planSeats, gbp } =
  require('./harness');

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
      server.stop();
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
      // The click held the seat on the server and the second click released it.
      await page.waitForFunction(() => JSON.parse(UTF8ToString(Module._encore_state_json())).pending_hold_requests === 0);
      const after = await (await fetch(`${baseUrl}/api/instances/${encodeURIComponent(s.instance)}/availability`)).json();
      assert.equal(after.seats[seats.findIndex((x) => x.id === open.seat.id)], 'o', 'the released seat is open again');
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

  test('touch: a first tap shows a seat and a second selects it, two fingers pinch-zoom, one finger pans', { timeout: 60000 }, async () => {
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
      assert.deepEqual(s.selection, [], 'a first tap only shows the seat (there is no hover on touch)');
      assert.equal(s.page.preview.seat, open.seat.id);
      await page.touchscreen.tap(open.pos.x, open.pos.y);
      await waitFrames(page);
      s = await state(page);
      assert.deepEqual(s.selection.map((x) => x.seat), [open.seat.id], 'a second tap selects the seat');

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
