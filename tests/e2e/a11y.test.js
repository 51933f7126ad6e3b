// Browser end-to-end tests of the map without a mouse (web/browser/map_access): a seat bought with the keyboard
// alone (Tab to the map, arrows, Enter; Tab to Checkout, log in and pay by card typing and pressing Enter), the
// ARIA live region's words for the focused seat and the basket change, the step-through list of real buttons,
// a page that lets people zoom it and follows the browser's zoom. Each ends with the server's state and saves screenshots.
// Run: ENCORE_SERVER=... ENCORE_WEBROOT=... ENCORE_CATALOG=... node --test tests/e2e/
'use strict';
const { describe, test, before } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const h = require('./harness');

let setupProblem = null;
try { h.inputPaths(); } catch (e) { setupProblem = e; }
if (setupProblem) test('e2e inputs are configured', () => { throw setupProblem; });

describe('a map everyone can use: keyboard and screen reader', { skip: setupProblem ? 'inputs missing (see the failure above)' : false }, () => {
  const suite = h.serverAndBrowser(['--fast-password-hashing']);
  let browser, baseUrl, catalog;
  before(() => ({ browser, baseUrl, catalog } = suite));

  const access = async (page) => JSON.parse(await page.evaluate(() => UTF8ToString(Module._encore_access_json())));
  const active = (page) => page.evaluate(() => {
    const a = document.activeElement;
    return a ? (a.id || a.getAttribute('data-id') || a.tagName) : null;
  });
  const liveText = (page) => page.evaluate(() => document.getElementById('encore-live').textContent.replace(/\u00a0/g, ''));

  async function newPage() {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, errors } = await h.openPage(browser, baseUrl, { context });
    await h.waitReady(page);
    return { context, page, errors };
  }

  // Presses Tab until the element with this id (or data-id) has the keyboard; fails after `most` presses.
  async function tabTo(page, id, most = 80) {
    for (let i = 0; i < most; i++) {
      if (await active(page) === id) return i;
      await page.keyboard.press('Tab');
    }
    assert.equal(await active(page), id, `Tab reaches ${id}`);
    return most;
  }

  // The plan seat (with section and row names) and its index for a seat id of the shown performance.
  async function planSeat(page, id) {
    const s = await h.state(page);
    const instance = catalog.instances.find((i) => i.id === s.instance);
    const event = catalog.events.find((e) => e.id === instance.event);
    const seats = h.planSeats(catalog, instance.venue || event.venue);
    const index = seats.findIndex((x) => x.id === id);
    return { seat: seats[index], index, instance };
  }

  // Arrow keys until the focused seat is open on the server and has no marks; returns it.
  async function arrowToOpenSeat(page, instanceId, moves) {
    for (const key of moves) await page.keyboard.press(key);
    await h.waitFrames(page, 2);
    for (let i = 0; i < 60; i++) {
      const a = await access(page);
      const { seat, index } = await planSeat(page, a.focused_seat);
      const avail = await h.availability(baseUrl, instanceId);
      if (avail.seats[index] === 'o' && !(seat.attributes || []).length) return { seat, index };
      await page.keyboard.press('ArrowRight');
      await h.waitFrames(page, 1);
    }
    throw new Error('no open seat reached with the arrows');
  }

  test('buys a seat with the keyboard alone: Tab, arrows, Enter, then log in and pay by card with Tab, typing and Enter', { timeout: 180000 }, async () => {
    const email = `keys-${Date.now()}@example.org`;
    const token = await h.registerCustomer(baseUrl, email);
    const { context, page, errors } = await newPage();
    try {
      const s0 = await h.state(page);
      // The canvas never takes the keyboard; the map element does, on the first Tab.
      const presses = await tabTo(page, 'encore-map', 5);
      assert.ok(presses <= 2, `the map is reached within two Tabs (${presses})`);
      let a = await access(page);
      assert.equal(a.map_has_focus, true);
      assert.ok(a.focused_seat, 'a seat has the focus');
      const { seat, index } = await arrowToOpenSeat(page, s0.instance, ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight']);
      await h.waitFrames(page, 3);
      await h.screenshot(page, 'a11y-focus-ring.png');
      await page.keyboard.press('+');  // zoom about the focused seat, which stays in view
      await page.keyboard.press('+');
      await h.waitFrames(page, 3);
      const pos = await h.seatPos(page, seat.id);
      assert.ok(pos.visible, 'the focused seat stays in view after zooming in');
      assert.equal((await access(page)).focused_seat, seat.id, 'zooming keeps the focused seat');
      await h.screenshot(page, 'a11y-focus-zoomed.png');

      await page.keyboard.press('Enter');
      let s = await h.waitState(page, (s, id) => s.hold && s.pending_hold_requests === 0 && s.hold.seats.some((x) => x.seat === id),
        seat.id, 'the seat chosen with Enter to be held');
      assert.equal((await h.availability(baseUrl, s0.instance)).seats[index], 'h', 'the server holds the seat');
      const total = s.basket.total;

      // Tab on to the step-through list's Checkout button, and press Enter.
      await tabTo(page, 'checkout');
      await h.waitFrames(page, 2);
      await h.screenshot(page, 'a11y-steps-checkout.png');
      await page.keyboard.press('Enter');
      await h.waitState(page, (s) => s.order.checkout_open === true, null, 'the checkout to open');
      // The sign-in form takes the keyboard as it appears: type, Tab, type, Enter.
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'encore-field-email', null, { timeout: 15000 });
      await page.keyboard.type(email, { delay: 10 });
      await page.keyboard.press('Tab');
      assert.equal(await active(page), 'encore-field-password', 'Tab goes from the email to the password');
      await page.keyboard.type('correct horse battery', { delay: 10 });
      await page.keyboard.press('Enter');
      await h.waitState(page, (s, e) => s.account === e, email, 'the log-in');

      // The card fields take the keyboard next: number, Tab, expiry, Tab, CVC, Enter pays.
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'encore-field-card_number', null, { timeout: 15000 });
      await page.keyboard.type('4242424242424242', { delay: 10 });
      await page.keyboard.press('Tab');
      assert.equal(await active(page), 'encore-field-card_expiry');
      await page.keyboard.type('1230', { delay: 10 });
      await page.keyboard.press('Tab');
      assert.equal(await active(page), 'encore-field-card_cvc');
      await page.keyboard.type('123', { delay: 10 });
      await h.screenshot(page, 'a11y-card.png');
      await page.keyboard.press('Enter');
      s = await h.waitState(page, (s) => s.order.status || s.order.error, null, 'the order', 30000);
      assert.equal(s.order.error, null, `no error: ${s.order.error}`);
      assert.equal(s.order.status, 'paid');
      await h.screenshot(page, 'a11y-paid.png');

      // The server's state: the seat is sold, and the customer's order holds exactly it, at the total shown.
      assert.equal((await h.availability(baseUrl, s0.instance)).seats[index], 's', `${seat.id} is sold`);
      const orders = await (await fetch(`${baseUrl}/api/me/orders`, { headers: { Authorization: `Bearer ${token}` } })).json();
      assert.equal(orders.orders.length, 1);
      const order = orders.orders[0];
      assert.equal(order.status, 'paid');
      assert.equal(order.reference, s.order.reference);
      assert.equal(order.total, total);
      assert.deepEqual(order.performances, [{ instance: s0.instance, seats: [seat.id] }]);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the live region names the focused seat and each basket change; Escape clears the focus and closes checkout', { timeout: 120000 }, async () => {
    const { context, page, errors } = await newPage();
    try {
      const meta = await page.evaluate(() => document.querySelector('meta[name=viewport]').content);
      assert.doesNotMatch(meta, /user-scalable|maximum-scale/, 'the page may be pinch-zoomed');
      const live = await page.evaluate(() => {
        const el = document.getElementById('encore-live');
        return { role: el.getAttribute('role'), live: el.getAttribute('aria-live'), atomic: el.getAttribute('aria-atomic') };
      });
      assert.deepEqual(live, { role: 'status', live: 'polite', atomic: 'true' });

      const s0 = await h.state(page);
      await tabTo(page, 'encore-map', 5);
      const { seat } = await arrowToOpenSeat(page, s0.instance, ['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowRight']);
      await h.waitFrames(page, 2);
      const band = catalog.price_bands.find((b) => b.id === seat.band).name;
      const named = `${seat.section}, row ${seat.row}, seat ${seat.number}, ${band}, £`;
      let text = await liveText(page);
      assert.ok(text.startsWith(named), `the live region names the focused seat: "${text}" starts with "${named}"`);
      assert.match(text, /, £\d+(\.\d\d)?, available$/);
      const price = /, (£\d+(?:\.\d\d)?), available$/.exec(text)[1];

      await page.keyboard.press('Space');
      const s = await h.waitState(page, (s, id) => s.hold && s.pending_hold_requests === 0 && s.hold.seats.some((x) => x.seat === id),
        seat.id, 'the seat chosen with Space to be held');
      await page.waitForFunction(() => /added/.test(document.getElementById('encore-live').textContent), null, { timeout: 10000 });
      text = await liveText(page);
      // "hold ends HH:MM" in the venue's local time (the demo's performances give its offset).
      const hold = await (await fetch(`${baseUrl}/api/holds/${s.hold.token}`)).json();
      const offset = /([+-])(\d\d):(\d\d)$/.exec(s0.instance && catalog.instances.find((i) => i.id === s0.instance).starts_at);
      const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
      const ends = new Date(Date.parse(hold.hold.expires_at) + minutes * 60000);
      const clock = `${String(ends.getUTCHours()).padStart(2, '0')}:${String(ends.getUTCMinutes()).padStart(2, '0')}`;
      assert.equal(text, `${named.slice(0, -3)}, ${price}, added; hold ends ${clock}`);
      await h.screenshot(page, 'a11y-live-added.png');

      // The step-through list has the seat's row with the seat pressed (in the basket).
      const steps = (await access(page)).steps;
      assert.equal(steps.heading, 'Sections');
      assert.ok(steps.items.some((i) => i.id === 'checkout'), 'Checkout is in the list');

      // Escape in a checkout field closes the checkout and gives the keyboard back to the map; there it clears the focus.
      await tabTo(page, 'checkout');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'encore-field-email', null, { timeout: 15000 });
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'encore-map', null, { timeout: 10000 });
      assert.equal((await h.state(page)).order.checkout_open, false, 'Escape closed the checkout');
      await page.keyboard.press('Escape');
      await h.waitFrames(page, 2);
      assert.equal((await access(page)).focused_seat, null, 'Escape on the map clears the focused seat');
      assert.equal(await liveText(page), 'No seat focused.');
      assert.equal((await h.availability(baseUrl, s0.instance)).seats[(await planSeat(page, seat.id)).index], 'h', 'the seat stays held on the server');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('at 200% browser zoom text and buttons keep their CSS size (twice as big on screen), and the keyboard still reaches the map', { timeout: 120000 }, async () => {
    // Chromium's zoom halves the CSS viewport and doubles devicePixelRatio: a 1280 x 800 window at 200%.
    const sizes = {};
    for (const [name, options] of [['100%', { width: 1280, height: 800, dpr: 1 }], ['200%', { width: 640, height: 400, dpr: 2 }]]) {
      const context = await browser.newContext({ viewport: { width: options.width, height: options.height }, deviceScaleFactor: options.dpr });
      const { page, errors } = await h.openPage(browser, baseUrl, { context });
      try {
        await h.waitReady(page);
        const s = await h.state(page);
        assert.equal(s.dpr, options.dpr);
        const r = await h.widgetRect(page, 'checkout');
        assert.ok(r.visible, `the Checkout button is drawn at ${name}`);
        sizes[name] = r.h;
        await tabTo(page, 'encore-map', 5);
        await page.keyboard.press('ArrowRight');
        await h.waitFrames(page, 2);
        assert.ok((await access(page)).focused_seat, `a seat has the keyboard at ${name}`);
        await h.screenshot(page, `a11y-zoom-${name.replace('%', '')}.png`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
    assert.ok(Math.abs(sizes['100%'] - sizes['200%']) < 1, `the Checkout button is as tall in CSS px at 200% (${sizes['200%']}) as at 100% (${sizes['100%']})`);
  });

  test('the step-through list walks sections, rows and seats as real buttons and chooses a seat', { timeout: 120000 }, async () => {
    const { context, page, errors } = await newPage();
    try {
      const s0 = await h.state(page);
      await tabTo(page, 'encore-map', 5);
      await page.keyboard.press('Tab');  // the list's first button: the performance shown (to choose another)
      assert.equal(await active(page), 'performances');
      await page.keyboard.press('Tab');  // then the first section
      const first = await active(page);
      assert.match(first, /^section:/);
      await page.keyboard.press('Enter');  // its rows
      await page.waitForFunction(() => /^row:/.test((document.activeElement && document.activeElement.getAttribute('data-id')) || '') ||
        (document.activeElement && document.activeElement.getAttribute('data-id')) === 'back', null, { timeout: 10000 });
      assert.match((await access(page)).steps.heading, /: rows$/);
      await page.keyboard.press('Tab');  // past "Back" to the first row
      await page.keyboard.press('Tab');  // the second row
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (document.activeElement && document.activeElement.getAttribute('data-id')) === 'back', null, { timeout: 10000 });
      const list = (await access(page)).steps;
      assert.match(list.heading, /, row \w+: seats$/);
      const open = list.items.find((i) => i.id.startsWith('seat:') && /, available$/.test(i.label));
      assert.ok(open, 'an available seat in the row');
      const index = Number(open.id.slice(5));
      const buttons = await page.evaluate(() => Array.from(document.querySelectorAll('#encore-steps button')).map((b) => b.getAttribute('data-id')));
      for (let i = 0; i < buttons.indexOf(open.id); i++) await page.keyboard.press('Tab');
      assert.equal(await active(page), open.id);
      await h.screenshot(page, 'a11y-steps-seats.png');
      await page.keyboard.press('Enter');
      await h.waitState(page, (s) => s.hold && s.pending_hold_requests === 0 && s.selection.length === 1, null, 'the seat chosen in the list to be held');
      await page.waitForFunction((id) => document.querySelector(`#encore-steps button[data-id="${id}"]`).getAttribute('aria-pressed') === 'true',
        open.id, { timeout: 10000 });
      assert.equal((await h.availability(baseUrl, s0.instance)).seats[index], 'h', 'the server holds the seat chosen in the list');
      await h.screenshot(page, 'a11y-steps-chosen.png');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
