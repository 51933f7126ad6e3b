// Browser end-to-end test of buying: the real encore-server (temp db, demo catalog and sales, fast password
// hashing) behind headless Chromium. Clicking seats holds them on the server, a customer registers through
// the UI and pays by test card, orders by invoice, and a declined card leaves the seats held.
// Run: ENCORE_SERVER=... ENCORE_WEBROOT=... ENCORE_CATALOG=... node --test tests/e2e/
'use strict';
const { describe, test, before } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const h = require('./harness');

let setupProblem = null;
try { h.inputPaths(); } catch (e) { setupProblem = e; }
if (setupProblem) test('e2e inputs are configured', () => { throw setupProblem; });

describe('buying in the browser against the real server', { skip: setupProblem ? 'inputs missing (see the failure above)' : false }, () => {
  const suite = h.serverAndBrowser(['--fast-password-hashing']);
  let browser, baseUrl, catalog;
  before(() => ({ browser, baseUrl, catalog } = suite));
  const taken = new Set();  // seats used by earlier tests, so each test starts from open seats

  async function availability(instance) {
    return (await fetch(`${baseUrl}/api/instances/${encodeURIComponent(instance)}/availability`)).json();
  }

  // `count` open, unmarked stalls seats visible on screen, with their plan index and position.
  async function openSeats(page, count) {
    const s = await h.state(page);
    const instance = catalog.instances.find((i) => i.id === s.instance);
    const event = catalog.events.find((e) => e.id === instance.event);
    const seats = h.planSeats(catalog, instance.venue || event.venue);
    const avail = await availability(s.instance);
    const found = [];
    for (let i = 0; i < seats.length && found.length < count; i++) {
      const seat = seats[i];
      if (avail.seats[i] !== 'o' || seat.section !== 'Stalls' || (seat.attributes || []).length || taken.has(seat.id)) continue;
      const pos = await h.seatPos(page, seat.id);
      if (!pos.visible) continue;
      found.push({ seat, index: i, pos });
      taken.add(seat.id);
    }
    assert.equal(found.length, count, `${count} open stalls seats are on screen`);
    return { instance: s.instance, seats: found };
  }

  async function clickSeat(page, pick) {
    await page.mouse.click(pick.pos.x, pick.pos.y);
    await h.waitFrames(page);
  }

  // Clicks the seats and waits until the server holds every one of them.
  async function holdSeats(page, picks) {
    for (const p of picks) await clickSeat(page, p);
    return h.waitState(page, (s, ids) => s.hold && s.pending_hold_requests === 0 &&
      ids.every((id) => s.hold.seats.some((x) => x.seat === id)), picks.map((p) => p.seat.id), 'the seats to be held');
  }

  async function newCustomerPage(options = {}) {
    const context = await browser.newContext({ viewport: { width: options.width || 1280, height: options.height || 800 } });
    const { page, errors } = await h.openPage(browser, baseUrl, { context });
    await h.waitReady(page);
    return { context, page, errors };
  }

  test('clicking seats holds them on the server; deselecting releases; a seat someone else took is refused', { timeout: 90000 }, async () => {
    const { context, page, errors } = await newCustomerPage();
    try {
      const { instance, seats } = await openSeats(page, 3);
      const [a, b, c] = seats;
      let s = await holdSeats(page, [a, b]);
      assert.match(s.hold.token, /^[A-Za-z0-9_-]+$/);
      assert.ok(s.hold.seconds_left > 60, `the hold has time left (${s.hold.seconds_left} s)`);
      let avail = await availability(instance);
      assert.equal(avail.seats[a.index], 'h', 'the first seat is held on the server');
      assert.equal(avail.seats[b.index], 'h', 'the second seat is held on the server');
      assert.equal(s.basket.status, 'priced');
      assert.equal(s.basket.lines.length, 2);
      const fee = catalog.fees.find((f) => f.id === 'booking-fee').amount;
      assert.equal(s.basket.totals.fees, 2 * fee, 'the web booking fee is charged per ticket');
      assert.equal(s.basket.total, s.total + 2 * fee, 'basket total = seat prices + booking fees');

      await clickSeat(page, a);  // deselect
      s = await h.waitState(page, (s) => s.pending_hold_requests === 0 && s.hold && s.hold.seats.length === 1, null, 'the release');
      assert.deepEqual(s.selection.map((x) => x.seat), [b.seat.id]);
      avail = await availability(instance);
      assert.equal(avail.seats[a.index], 'o', 'the deselected seat is open again');
      assert.equal(avail.seats[b.index], 'h', 'the other stays held');

      // Someone else holds seat c; our page does not know yet (its polls answer "no changes").
      await page.route('**/availability?since=*', (route) => route.fulfill({ status: 200, contentType: 'application/json',
        body: JSON.stringify({ instance, version: avail.version, since: avail.version, changes: [] }) }));
      const other = await fetch(`${baseUrl}/api/holds`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ instance, seats: [c.seat.id] }) });
      assert.equal(other.status, 201, 'another customer holds the third seat');
      await clickSeat(page, c);
      s = await h.waitState(page, (s) => s.pending_hold_requests === 0 && s.notice, null, 'the refusal');
      assert.deepEqual(s.selection.map((x) => x.seat), [b.seat.id], 'the taken seat is not selected');
      assert.match(s.notice, /taken/);
      await page.unroute('**/availability?since=*');
      await h.waitFrames(page, 3);
      await page.mouse.move(5, 5);
      await h.waitFrames(page, 2);
      await page.screenshot({ path: path.join(h.OUT_DIR, 'checkout-held.png') });
      // Availability polling picks up other people's changes: release c elsewhere and see it open again.
      const token = (await other.json()).hold.token;
      await fetch(`${baseUrl}/api/holds/${token}`, { method: 'DELETE' });
      await page.waitForFunction((id) => JSON.parse(UTF8ToString(Module._encore_state_json())).available_count >= 0 &&
        JSON.parse(UTF8ToString(Module.ccall('encore_seat_screen_pos', 'number', ['string'], [id]))).visible, c.seat.id);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('register through the UI, pay by test card; then by invoice; a declined card keeps the seats held', { timeout: 180000 }, async () => {
    const { context, page, errors } = await newCustomerPage();
    try {
      const email = `e2e-${Date.now()}@example.org`;
      const { instance, seats } = await openSeats(page, 2);
      let s = await holdSeats(page, seats);
      const shownTotal = s.basket.total;
      const fee = catalog.fees.find((f) => f.id === 'booking-fee').amount;
      assert.equal(s.basket.totals.fees, 2 * fee);

      // Checkout asks a signed-out customer to log in or register: register through the form.
      await h.clickWidget(page, 'checkout');
      await h.clickWidget(page, 'register_mode');
      await h.typeInto(page, 'email', email);
      await h.typeInto(page, 'name', 'Ada Lovelace');
      await h.typeInto(page, 'password', 'correct horse battery');
      await page.mouse.move(5, 5);
      await h.waitFrames(page, 2);
      await page.screenshot({ path: path.join(h.OUT_DIR, 'checkout-register.png') });
      await h.clickWidget(page, 'account_submit');
      s = await h.waitState(page, (s, e) => s.account === e, email, 'the registration');

      // Pay by the approving test card, typed into the card fields.
      await h.clickWidget(page, 'pay_card');
      await h.typeInto(page, 'card_number', '4242 4242 4242 4242');
      await h.typeInto(page, 'card_expiry', '12/30');
      await h.typeInto(page, 'card_cvc', '123');
      await page.mouse.move(5, 5);
      await h.waitFrames(page, 2);
      await page.screenshot({ path: path.join(h.OUT_DIR, 'checkout-card.png') });
      await h.clickWidget(page, 'pay');
      s = await h.waitState(page, (s) => s.order.status || s.order.error, null, 'the card order', 30000);
      assert.equal(s.order.error, null, `no error: ${s.order.error}`);
      assert.equal(s.order.status, 'paid');
      assert.equal(s.order.status_text, 'Paid');
      assert.match(s.order.reference, /\S/);
      assert.equal(s.order.total, shownTotal, 'the server charged exactly the total shown, booking fees included');
      assert.deepEqual(s.selection, [], 'the basket is empty after the order');
      assert.equal(s.hold, null);
      let avail = await availability(instance);
      for (const p of seats) assert.equal(avail.seats[p.index], 's', `${p.seat.id} is sold`);
      await h.waitState(page, (s) => s.available_count >= 0, null, 'a frame');
      await page.mouse.move(5, 5);
      await h.waitFrames(page, 2);
      await page.screenshot({ path: path.join(h.OUT_DIR, 'checkout-paid.png') });
      await h.clickWidget(page, 'order_close');

      // A reload keeps the session (localStorage).
      await page.reload();
      await page.waitForFunction(() => typeof Module !== 'undefined' && Module.calledRun && Module._encore_frame_count() > 3);
      await h.waitReady(page);
      await h.waitState(page, (s, e) => s.account === e, email, 'the restored session');

      // Another order, by invoice, through the UI: reserved, seats 'r'.
      const second = await openSeats(page, 2);
      s = await holdSeats(page, second.seats);
      const invoiceTotal = s.basket.total;
      await h.clickWidget(page, 'checkout');
      await h.clickWidget(page, 'pay_invoice');
      await h.clickWidget(page, 'pay');
      s = await h.waitState(page, (s) => s.order.status || s.order.error, null, 'the invoice order', 30000);
      assert.equal(s.order.error, null, `no error: ${s.order.error}`);
      assert.equal(s.order.status, 'reserved');
      assert.match(s.order.status_text, /^Reserved — pay by /);
      assert.equal(s.order.total, invoiceTotal);
      avail = await availability(second.instance);
      for (const p of second.seats) assert.equal(avail.seats[p.index], 'r', `${p.seat.id} is reserved`);
      await page.mouse.move(5, 5);
      await h.waitFrames(page, 2);
      await page.screenshot({ path: path.join(h.OUT_DIR, 'checkout-invoice.png') });
      await h.clickWidget(page, 'order_close');

      // The declining test card: the decline is shown and the seats stay held, not sold.
      const third = await openSeats(page, 1);
      await holdSeats(page, third.seats);
      await h.clickWidget(page, 'checkout');
      await h.clickWidget(page, 'pay_card');
      await h.typeInto(page, 'card_number', '4000 0000 0000 0002');
      await h.typeInto(page, 'card_expiry', '12/30');
      await h.typeInto(page, 'card_cvc', '123');
      await h.clickWidget(page, 'pay');
      s = await h.waitState(page, (s) => s.order.step === 'idle' && (s.order.status || s.order.error), null, 'the declined order', 30000);
      assert.equal(s.order.status, null);
      assert.match(s.order.error, /declined/i);
      assert.equal(s.order.error_code, 'payment_declined');
      assert.deepEqual(s.selection.map((x) => x.seat), [third.seats[0].seat.id], 'the seat stays in the basket');
      avail = await availability(third.instance);
      assert.equal(avail.seats[third.seats[0].index], 'h', 'the seat stays held, not sold');
      await page.mouse.move(5, 5);
      await h.waitFrames(page, 2);
      await page.screenshot({ path: path.join(h.OUT_DIR, 'checkout-declined.png') });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('tablet width: log in and pay through the same code path; layout screenshot', { timeout: 90000 }, async () => {
    const email = `tablet-${Date.now()}@example.org`;
    const reg = await fetch(`${baseUrl}/api/auth/register`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, name: 'Tab Let', password: 'tablet-password' }) });
    assert.equal(reg.status, 201);
    const { context, page, errors } = await newCustomerPage({ width: 900, height: 700 });
    try {
      await page.evaluate(([e, p]) => Module.ccall('encore_log_in', null, ['string', 'string'], [e, p]), [email, 'tablet-password']);
      await h.waitState(page, (s, e) => s.account === e, email, 'the log-in');
      const { instance, seats } = await openSeats(page, 1);
      let s = await holdSeats(page, seats);
      const shown = s.basket.total;
      await h.clickWidget(page, 'checkout');
      await page.mouse.move(5, 5);
      await h.waitFrames(page, 2);
      await page.screenshot({ path: path.join(h.OUT_DIR, 'checkout-tablet.png') });
      await page.evaluate(() => Module.ccall('encore_place_order', null, ['string', 'string', 'string', 'string'],
        ['card', '4242424242424242', '01/31', '999']));
      s = await h.waitState(page, (s) => s.order.status || s.order.error, null, 'the order', 30000);
      assert.equal(s.order.status, 'paid', `paid: ${s.order.error}`);
      assert.equal(s.order.total, shown);
      const avail = await availability(instance);
      assert.equal(avail.seats[seats[0].index], 's');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
