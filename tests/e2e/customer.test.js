// Browser tests of what a new customer hit (issue 8), each on desktop, tablet or phone, by mouse or by touch,
// each ending with what the real server now holds and a screenshot in tests/e2e/out:
//  - a phone: real inputs (tap, type, Enter) for registration and card payment;
//  - a reload keeps the basket and its hold; a closed page gives its seats back; links name performances;
//  - the confirmation: seats, types, fees, a short reference, an invoice's number and due date, printing,
//    and the order found again by its link;
//  - locked seats marked and explained before the click; a first tap previews, a second adds;
//  - the smaller things: search and date filter, notices that can be closed, the phone's basket.
// Run: ENCORE_SERVER=... ENCORE_WEBROOT=... ENCORE_CATALOG=... node --test tests/e2e/
'use strict';
const { describe, test, before } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const h = require('./harness');

let setupProblem = null;
try { h.inputPaths(); } catch (e) { setupProblem = e; }
if (setupProblem) test('e2e inputs are configured', () => { throw setupProblem; });

const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const tablet = { viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const desktop = { viewport: { width: 1280, height: 800 } };
const plainStalls = (seat) => seat.section === 'Stalls' && !(seat.attributes || []).length;
const friendsBlock = "Friends' Block: for members of the Friends of the Encore";

describe('what a customer hit, fixed', { skip: setupProblem ? 'inputs missing (see the failure above)' : false }, () => {
  const suite = h.serverAndBrowser(['--fast-password-hashing']);
  let browser, baseUrl, catalog;
  before(() => ({ browser, baseUrl, catalog } = suite));
  const taken = new Set();  // seats used by earlier tests

  async function customerPage(device, hash = '', url = baseUrl) {
    const context = await browser.newContext(device);
    const { page, errors } = await h.openPage(browser, url, { context, hash });
    await h.waitReady(page);
    return { context, page, errors };
  }

  async function holdByClicks(page, picks) {
    for (const p of picks) {
      await page.mouse.click(p.pos.x, p.pos.y);
      await h.waitFrames(page);
    }
    return h.waitState(page, (s, ids) => s.hold && s.pending_hold_requests === 0 && ids.every((id) => s.hold.seats.some((x) => x.seat === id)),
      picks.map((p) => p.seat.id), 'the seats to be held');
  }

  async function holdByTaps(page, pick) {
    await page.touchscreen.tap(pick.pos.x, pick.pos.y);
    await h.waitState(page, (s, id) => s.page.preview && s.page.preview.seat === id, pick.seat.id, 'the first tap to show the seat');
    await page.touchscreen.tap(pick.pos.x, pick.pos.y);
    return h.waitState(page, (s, id) => s.hold && s.pending_hold_requests === 0 && s.hold.seats.some((x) => x.seat === id),
      pick.seat.id, 'the second tap to hold the seat');
  }

  async function orderOnServer(token, reference) {
    const r = await fetch(`${baseUrl}/api/orders/${encodeURIComponent(reference)}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(r.status, 200, `GET /api/orders/${reference}`);
    return (await r.json()).order;
  }

  const shownFields = (page) => page.$$eval('input.encore-field', (els) => els.filter((e) => e.style.display !== 'none').map((e) => ({
    id: e.id.replace('encore-field-', ''), type: e.type, autocomplete: e.getAttribute('autocomplete'),
    inputmode: e.getAttribute('inputmode'), form: e.form && e.form.dataset.form })));
  const focusedField = (page) => page.evaluate(() => document.activeElement && document.activeElement.id.replace('encore-field-', ''));

  test('phone, by touch: register and pay through real inputs — tap a field, type, Enter moves on and submits', { timeout: 120000 }, async () => {
    const { context, page, errors } = await customerPage(phone);
    try {
      let s = await h.state(page);
      assert.equal(s.layout, 'narrow');
      const { instance, seats: [pick] } = await h.visibleSeats(page, baseUrl, catalog, 1, plainStalls, taken, (p) => p.y < 420);
      s = await holdByTaps(page, pick);

      await h.tapWidget(page, 'checkout');
      await h.tapWidget(page, 'register_mode');
      const fields = Object.fromEntries((await shownFields(page)).map((f) => [f.id, f]));
      assert.deepEqual(fields.email, { id: 'email', type: 'email', autocomplete: 'email', inputmode: 'email', form: 'sign_in' });
      assert.deepEqual(fields.name, { id: 'name', type: 'text', autocomplete: 'name', inputmode: 'text', form: 'sign_in' });
      assert.deepEqual(fields.password, { id: 'password', type: 'password', autocomplete: 'new-password', inputmode: 'text', form: 'sign_in' });
      const email = `phone-${Date.now()}@example.org`;
      await page.tap('#encore-field-email');
      await page.keyboard.type(email);
      await page.keyboard.press('Enter');
      assert.equal(await focusedField(page), 'name', 'Enter moves to the next empty field');
      await page.keyboard.type('Grace Hopper');
      await page.keyboard.press('Enter');
      await page.keyboard.type('correct horse battery');
      await h.screenshot(page, 'phone-register.png');
      await page.keyboard.press('Enter');  // the last field: the form is submitted
      s = await h.waitState(page, (s, e) => s.account === e, email, 'the registration');

      await h.waitFrames(page, 4);
      const card = Object.fromEntries((await shownFields(page)).map((f) => [f.id, f]));
      assert.equal(card.card_number.autocomplete, 'cc-number');
      assert.equal(card.card_number.inputmode, 'numeric');
      assert.equal(card.card_expiry.autocomplete, 'cc-exp');
      assert.equal(card.card_cvc.autocomplete, 'cc-csc');
      await page.tap('#encore-field-card_number');
      await page.keyboard.type('4242424242424242');
      assert.equal(await page.inputValue('#encore-field-card_number'), '4242 4242 4242 4242', 'the number is grouped as typed');
      await page.keyboard.press('Backspace');  // Backspace reaches the field (not the canvas)
      await page.keyboard.type('2');
      assert.equal(await page.inputValue('#encore-field-card_number'), '4242 4242 4242 4242');
      await page.keyboard.press('Enter');
      assert.equal(await focusedField(page), 'card_expiry');
      await page.keyboard.type('1230');
      assert.equal(await page.inputValue('#encore-field-card_expiry'), '12/30');
      await page.keyboard.press('Enter');
      await page.keyboard.type('123');
      await h.screenshot(page, 'phone-card.png');
      await page.keyboard.press('Enter');  // pays
      s = await h.waitState(page, (s) => s.order.status || s.order.error, null, 'the card order', 30000);
      assert.equal(s.order.error, null);
      assert.equal(s.order.status, 'paid');
      await h.screenshot(page, 'phone-paid.png');

      // The server: the order, found by its short reference with the session the page keeps, and the seat sold.
      const reference = s.page.order_view.order.short_reference;
      const order = await orderOnServer(await h.sessionToken(page), reference);
      assert.equal(order.status, 'paid');
      assert.equal(order.lines[0].items[0].seat, pick.seat.id);
      assert.equal((await h.availability(baseUrl, instance)).seats[pick.index], 's');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('desktop: a reload keeps the basket and its hold', { timeout: 90000 }, async () => {
    const { context, page, errors } = await customerPage(desktop);
    try {
      const { instance, seats } = await h.visibleSeats(page, baseUrl, catalog, 2, plainStalls, taken);
      let s = await holdByClicks(page, seats);
      const token = s.hold.token;
      await page.reload();
      await page.waitForFunction(() => typeof Module !== 'undefined' && Module.calledRun && Module._encore_frame_count() > 3);
      await h.waitReady(page);
      s = await h.waitState(page, (s, t) => s.page.basket_memory === 'done' && s.hold && s.hold.token === t && s.hold.seats.length === 2,
        token, 'the basket after the reload');
      assert.deepEqual(s.selection.map((x) => x.seat).sort(), seats.map((p) => p.seat.id).sort());
      assert.ok(s.selection.every((x) => x.held));
      await page.mouse.move(5, 5);
      await h.screenshot(page, 'reload-restored.png');
      // The server: the same hold keeps both seats, extended again after the old page abandoned it.
      const hold = (await (await fetch(`${baseUrl}/api/holds/${token}`)).json()).hold;
      assert.equal(hold.seats.length, 2);
      assert.ok(Date.parse(hold.expires_at) - Date.now() > 10 * 60 * 1000, `extended again: ${hold.expires_at}`);
      const avail = await h.availability(baseUrl, instance);
      for (const p of seats) assert.equal(avail.seats[p.index], 'h');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('desktop: closing the page gives its held seats back within the grace time', { timeout: 90000 }, async () => {
    const quick = h.startServer(h.inputPaths(), ['--hold-grace-seconds', '1']);
    try {
      const url = await quick.url;
      const context = await browser.newContext(desktop);
      const { page } = await h.openPage(browser, url, { context });
      await h.waitReady(page);
      const { instance, seats } = await h.visibleSeats(page, url, catalog, 1, plainStalls);
      const s = await holdByClicks(page, seats);
      assert.equal((await h.availability(url, instance)).seats[seats[0].index], 'h');
      await page.close();  // pagehide: the page abandons its hold
      await context.close();
      let state = 'h';
      for (let i = 0; i < 100 && state !== 'o'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        state = (await h.availability(url, instance)).seats[seats[0].index];
      }
      assert.equal(state, 'o', 'the seat is open again on the server');
      assert.equal((await fetch(`${url}/api/holds/${s.hold.token}`)).status, 404, 'the hold is gone');
    } finally {
      quick.stop();
    }
  });

  test('desktop: each performance has its link — opened fresh, then back and forward', { timeout: 90000 }, async () => {
    const macbeth = catalog.instances.filter((i) => i.event === 'macbeth');
    const [first, second] = [macbeth[3].id, macbeth[4].id];
    const { context, page, errors } = await customerPage(desktop, `#/performance/${first}`);
    try {
      let s = await h.state(page);
      assert.equal(s.instance, first, 'the link opened fresh shows its performance');
      assert.ok(page.url().endsWith(`#/performance/${first}`));
      await h.clickWidget(page, `perf_${second}`);
      s = await h.waitState(page, (s, id) => s.instance === id, second, 'the second performance');
      await page.waitForFunction((id) => window.location.hash === `#/performance/${id}`, second);
      await page.goBack();
      await h.waitState(page, (s, id) => s.instance === id && s.availability === 'ready', first, 'back to the first');
      assert.ok(page.url().endsWith(`#/performance/${first}`));
      await page.goForward();
      await h.waitState(page, (s, id) => s.instance === id && s.availability === 'ready', second, 'forward to the second');
      await h.waitFrames(page, 4);
      const { seats } = await h.visibleSeats(page, baseUrl, catalog, 1, plainStalls, taken);
      await holdByClicks(page, seats);
      await page.mouse.move(5, 5);
      await h.screenshot(page, 'links.png');
      assert.equal((await h.availability(baseUrl, second)).seats[seats[0].index], 'h', 'the seat is held at the linked performance');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('desktop: the confirmation shows the order in full with a short reference; print it; find it again by its link', { timeout: 120000 }, async () => {
    const email = `invoice-${Date.now()}@example.org`;
    const token = await h.registerCustomer(baseUrl, email);
    const { context, page, errors } = await customerPage(desktop);
    try {
      await page.evaluate(([e, p]) => Module.ccall('encore_log_in', null, ['string', 'string'], [e, p]), [email, 'correct horse battery']);
      await h.waitState(page, (s, e) => s.account === e, email, 'the log-in');
      const { instance, seats } = await h.visibleSeats(page, baseUrl, catalog, 2, plainStalls, taken);
      await holdByClicks(page, seats);
      await h.clickWidget(page, 'checkout');
      await h.clickWidget(page, 'pay_invoice');
      await h.clickWidget(page, 'pay');
      let s = await h.waitState(page, (s) => s.order.status || s.order.error, null, 'the invoice order', 30000);
      assert.equal(s.order.status, 'reserved', `reserved: ${s.order.error}`);
      const view = s.page.order_view;
      assert.equal(view.phase, 'shown');
      const short = view.order.short_reference;
      assert.match(short, /^[2-9A-HJKMNP-Z]{8}$/);
      const lines = view.lines;
      assert.equal(lines[0], `Order ${short} — Reserved until the invoice is paid`);
      const seatName = (p) => `${p.seat.section}, Row ${p.seat.row}, Seat ${p.seat.number}`;
      for (const p of seats)
        assert.ok(lines.some((l) => l.startsWith(`  ${seatName(p)} · Adult · £`) && l.endsWith('· + £1.50 booking fee')), `${seatName(p)} in ${lines}`);
      assert.ok(lines.includes('Booking fee (2 × £1.50) · £3.00'));
      assert.ok(lines.includes(`By invoice INV-${short}`));
      // Due in the venue's local time (the demo theatre is on +00:00 in winter).
      const due = new Date(view.order.due_at);
      const day = due.toLocaleDateString('en-GB', { timeZone: 'UTC', weekday: 'short' });
      const words = `${day} ${due.getUTCDate()} ${due.toLocaleDateString('en-GB', { timeZone: 'UTC', month: 'short' })} ${due.getUTCFullYear()}, ` +
        `${String(due.getUTCHours()).padStart(2, '0')}:${String(due.getUTCMinutes()).padStart(2, '0')}`;
      assert.ok(lines.includes(`Invoice INV-${short} · To pay · due ${words}`), `due ${words} in ${lines}`);
      assert.ok(lines.some((l) => l.startsWith(`Pay it at the box office by ${words}, quoting INV-${short}.`)));
      assert.ok(lines.every((l) => !/sent to you/.test(l)), 'nothing claims the invoice is sent');
      await page.mouse.move(5, 5);
      await h.screenshot(page, 'order-invoice.png');

      // Print: a plain HTML copy of the order, then the print dialog.
      await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
      await h.clickWidget(page, 'order_print');
      await page.waitForFunction(() => window.__printed === 1);
      const printed = await page.textContent('#encore-print');
      for (const text of [`Order ${short}`, seatName(seats[0]), seatName(seats[1]), `Invoice INV-${short}`, 'Total £'])
        assert.ok(printed.includes(text), `the printed copy has ${text}`);
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: path.join(h.OUT_DIR, 'order-print.png') });
      await page.emulateMedia({ media: 'screen' });

      // Found again: its link, in a new tab of the same browser (signed in), by the short reference in any case.
      const again = await context.newPage();
      await again.goto(`${baseUrl}/index.html#/order/${short.toLowerCase()}`);
      await again.waitForFunction(() => typeof Module !== 'undefined' && Module.calledRun && Module._encore_frame_count() > 3);
      s = await h.waitState(again, (s, r) => s.page.order_view.phase === 'shown' && s.page.order_view.order.short_reference === r,
        short, 'the order found by its link');
      assert.equal(s.page.order_view.lines[0], `Order ${short} — Reserved until the invoice is paid`);
      await again.mouse.move(5, 5);
      await h.screenshot(again, 'order-found.png');

      const order = await orderOnServer(token, short);
      assert.equal(order.status, 'reserved');
      assert.equal(order.invoice.number, `INV-${short}`);
      const avail = await h.availability(baseUrl, instance);
      for (const p of seats) assert.equal(avail.seats[p.index], 'r');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('tablet by touch and desktop by mouse: locked seats are marked and say who may book them before the click', { timeout: 120000 }, async () => {
    const { context, page, errors } = await customerPage(tablet);
    try {
      let s = await h.state(page);
      assert.equal(s.layout, 'wide', 'a 1024 px landscape tablet has the basket beside the map');
      const block = catalog.seat_locks[0].seats;
      assert.deepEqual(s.page.locked_seats.map((l) => l.seat), block);
      assert.ok(s.page.locked_seats.every((l) => l.lock === friendsBlock && l.kept));
      assert.ok((await h.widgetRect(page, 'legend_lock')).visible, 'the key names the block');
      const { instance, seats: [locked] } = await h.visibleSeats(page, baseUrl, catalog, 1, (seat) => block.includes(seat.id));
      await page.touchscreen.tap(locked.pos.x, locked.pos.y);
      s = await h.waitState(page, (s, id) => s.page.preview && s.page.preview.seat === id, locked.seat.id, 'the locked seat shown');
      assert.equal(s.page.preview.lock, friendsBlock);
      assert.equal(s.page.preview.action, 'Kept for members of the Friends of the Encore: you cannot book it.');
      await h.screenshot(page, 'tablet-locked.png');
      await page.touchscreen.tap(locked.pos.x, locked.pos.y);
      s = await h.waitState(page, (s) => s.notice, null, 'the refusal');
      assert.match(s.notice, /is kept for members of the Friends of the Encore \(Friends' Block\)\.$/);
      assert.deepEqual(s.selection, []);
      assert.equal(s.pending_hold_requests, 0, 'no hold was even asked for');
      await h.screenshot(page, 'tablet-locked-refused.png');
      await h.tapWidget(page, 'notice_close');
      await h.waitState(page, (s) => !s.notice, null, 'the notice closed');
      await h.tapWidget(page, 'preview_close');

      const { seats: [open] } = await h.visibleSeats(page, baseUrl, catalog, 1, plainStalls, taken);
      await page.touchscreen.tap(open.pos.x, open.pos.y);
      s = await h.waitState(page, (s, id) => s.page.preview && s.page.preview.seat === id, open.seat.id, 'the open seat shown');
      assert.match(s.page.preview.explanation, /booking fee £1\.50/, 'the price explanation before choosing');
      assert.equal(s.page.preview.action, 'Tap again to add it to your basket.');
      await page.touchscreen.tap(open.pos.x, open.pos.y);
      await h.waitState(page, (s, id) => s.hold && s.pending_hold_requests === 0 && s.hold.seats.some((x) => x.seat === id), open.seat.id, 'the hold');
      await h.screenshot(page, 'tablet-basket.png');

      // Desktop: a click on a locked seat is refused at once, with the same words.
      const mouse = await customerPage(desktop);
      try {
        const { seats: [other] } = await h.visibleSeats(mouse.page, baseUrl, catalog, 1, (seat) => block.includes(seat.id) && seat.id !== locked.seat.id);
        await mouse.page.mouse.move(other.pos.x, other.pos.y);
        await h.waitFrames(mouse.page, 3);
        await h.screenshot(mouse.page, 'desktop-locked-tooltip.png');
        await mouse.page.mouse.click(other.pos.x, other.pos.y);
        const m = await h.waitState(mouse.page, (s) => s.notice, null, 'the refusal');
        assert.match(m.notice, /kept for members of the Friends of the Encore/);
        const avail = await h.availability(baseUrl, instance);
        assert.equal(avail.seats[other.index], 'o', 'the locked seat was never held');
        assert.equal(avail.seats[locked.index], 'o');
        assert.equal(avail.seats[open.index], 'h', 'the open seat is held');
        assert.deepEqual(mouse.errors, []);
      } finally {
        await mouse.context.close();
      }
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('phone: search and date filter the programme, a notice can be closed, the basket shows names and ticket types', { timeout: 120000 }, async () => {
    const { context, page, errors } = await customerPage(phone);
    try {
      const total = (await h.state(page)).page.events_shown;
      await page.tap('#encore-field-search');
      await page.keyboard.type('cherry');
      let s = await h.waitState(page, (s) => s.page.events_shown === 1, null, 'the search');
      await page.fill('#encore-field-date_from', '2027-02-01');
      s = await h.waitState(page, (s) => s.page.events_shown === 1, null, 'search and date');
      await h.tapWidget(page, 'event_picker');
      await h.tapWidget(page, 'event_the-cherry-orchard');
      s = await h.waitState(page, (s) => s.availability === 'ready' && s.instance.startsWith('the-cherry-orchard'), null, 'the Cherry Orchard');
      const cherry = catalog.instances.find((i) => i.id === s.instance);
      assert.ok(Date.parse(cherry.starts_at) >= Date.parse('2027-02-01T00:00:00Z'), 'a performance on or after the date chosen');
      await h.screenshot(page, 'phone-filter.png');

      // A notice (a seat of the Friends' block, tapped twice) closes with its ×.
      const block = catalog.seat_locks[0].seats;
      const locked = (await h.visibleSeats(page, baseUrl, catalog, 1, (seat) => block.includes(seat.id))).seats[0].pos;
      await page.touchscreen.tap(locked.x, locked.y);
      await h.waitFrames(page, 3);
      await page.touchscreen.tap(locked.x, locked.y);
      await h.waitState(page, (s) => s.notice, null, 'a notice');
      await h.screenshot(page, 'phone-notice.png');
      await h.tapWidget(page, 'notice_close');
      await h.waitState(page, (s) => !s.notice, null, 'the notice closed');
      await h.tapWidget(page, 'preview_close');

      const { instance, seats } = await h.visibleSeats(page, baseUrl, catalog, 2, (seat) => seat.section !== 'Stalls' && !(seat.attributes || []).length && !block.includes(seat.id), taken, (p) => p.y < 420);
      for (const pick of seats) await holdByTaps(page, pick);
      await page.fill('#encore-field-search', '');
      await page.fill('#encore-field-date_from', '');
      s = await h.waitState(page, (s, n) => s.page.events_shown === n, total, 'the filter cleared');
      await h.screenshot(page, 'phone-basket.png');
      const avail = await h.availability(baseUrl, instance);
      for (const p of seats) assert.equal(avail.seats[p.index], 'h', `${p.seat.id} is held on the server`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
