// Browser end-to-end tests of the season flows against the real encore-server (temp db, demo catalog and sales,
// the server clock set to 2 Dec 2026, when the Friends' priority booking for The Importance of Being Earnest is
// open and its general sale is not). One customer goes through every flow, each driven by mouse or touch and
// ending with what the server holds:
//   the 5 Play Package on the composite map with best available for two seats, paid by card (mouse, desktop);
//   the Friends membership joined and, in the same basket, Earnest booked in its priority window in the
//   Friends' block with no booking fee (touch, phone);
//   a Flex 4 Pass bought, then spent on two plays in a later order (touch, tablet);
//   all of it in Your account (mouse, desktop).
// Run: ENCORE_SERVER=... ENCORE_WEBROOT=... ENCORE_CATALOG=... node --test tests/e2e/
'use strict';
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { chromium } = require('playwright-core');
const h = require('./harness');

let setupProblem = null;
try { h.inputPaths(); } catch (e) { setupProblem = e; }
if (setupProblem) test('e2e inputs are configured', () => { throw setupProblem; });

const NOW = '2026-12-02T12:00:00Z';
const ADMIN = { email: 'admin@season.example', password: 'season-admin-pw' };
const CUSTOMER = { email: `season-${Date.now()}@example.org`, name: 'Sam Season', password: 'season-password' };
const TUESDAYS = ['macbeth-2027-01-12-e', 'the-cherry-orchard-2027-01-26-e', 'twelfth-night-2027-02-09-e',
  'a-dolls-house-2027-02-23-e', 'she-stoops-to-conquer-2027-03-09-e'];
const EARNEST = 'the-importance-of-being-earnest-2027-03-23-e';

async function season(page) {
  return JSON.parse(await page.evaluate(() => UTF8ToString(Module._encore_season_json())));
}

function waitSeason(page, predicate, arg, what, timeout = 20000) {
  return h.waitExport(page, '_encore_season_json', predicate, arg, what, timeout);
}

describe('buying a season in the browser', { skip: setupProblem ? 'inputs missing (see the failure above)' : false }, () => {
  let server, browser, baseUrl, catalog, token;

  const api = async (method, url, body, bearer = token) => {
    const res = await fetch(`${baseUrl}${url}`, { method, headers: { 'Content-Type': 'application/json',
      ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const availability = async (instance) => (await api('GET', `/api/instances/${encodeURIComponent(instance)}/availability`)).body;
  const seatIndex = (id) => h.planSeats(catalog, 'encore-theatre').findIndex((s) => s.id === id);

  before(async () => {
    fs.mkdirSync(h.OUT_DIR, { recursive: true });
    server = h.startServer(h.inputPaths(), ['--fast-password-hashing', '--admin', `${ADMIN.email}:${ADMIN.password}`]);
    baseUrl = await server.url;
    catalog = await (await fetch(`${baseUrl}/api/catalog`)).json();
    const admin = (await api('POST', '/api/auth/login', ADMIN, null)).body.token;
    const clock = await api('PUT', '/api/admin/clock', { now: NOW }, admin);
    assert.equal(clock.status, 200);
    const reg = await api('POST', '/api/auth/register', CUSTOMER, null);
    assert.equal(reg.status, 201);
    token = reg.body.token;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: h.CHROMIUM_ARGS });
  });

  after(async () => {
    if (browser) await browser.close().catch(() => {});
    if (server) server.stop();
  });

  // A page signed in as the customer, at the server's clock; `touch` makes taps the only input.
  async function customerPage({ width = 1280, height = 800, dpr = 1, touch = false, hash = '' } = {}) {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: dpr, hasTouch: touch, isMobile: touch && width < 600 });
    const { page, errors } = await h.openPage(browser, baseUrl, { context, hash });
    await h.waitReady(page);
    await waitSeason(page, (s) => s.clock.known, null, 'the server clock');
    await page.evaluate(([e, p]) => Module.ccall('encore_log_in', null, ['string', 'string'], [e, p]), [CUSTOMER.email, CUSTOMER.password]);
    await h.waitState(page, (s, e) => s.account === e, CUSTOMER.email, 'the log-in');
    const press = async (name) => {
      await page.waitForFunction((n) => JSON.parse(UTF8ToString(Module.ccall('encore_widget_rect', 'number', ['string'], [n]))).visible,
        name, { timeout: 15000 }).catch(() => { throw new Error(`widget ${name} is not on screen`); });
      const r = await h.widgetRect(page, name);
      if (touch) await page.touchscreen.tap(r.x + r.w / 2, r.y + r.h / 2);
      else await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
      await h.waitFrames(page, 3);
    };
    const pressSeat = async (seatId) => {  // on touch, a first tap shows the seat and a second adds it
      const p = await h.seatPos(page, seatId);
      assert.ok(p.visible, `${seatId} is on screen`);
      if (touch) {
        await page.touchscreen.tap(p.x, p.y);
        await h.waitState(page, (s, id) => s.page.preview && s.page.preview.seat === id, seatId, `${seatId} shown by a first tap`);
        await page.touchscreen.tap(p.x, p.y);
      } else {
        await page.mouse.click(p.x, p.y);
      }
      await h.waitFrames(page, 3);
    };
    const shot = async (name) => {
      if (!touch) await page.mouse.move(2, 2);
      await h.waitFrames(page, 3);
      await page.screenshot({ path: path.join(h.OUT_DIR, name) });
    };
    const payByCard = async () => {
      await press('checkout');
      await page.evaluate(() => Module.ccall('encore_place_order', null, ['string', 'string', 'string', 'string'],
        ['card', '4242 4242 4242 4242', '12/30', '123']));
      return h.waitState(page, (s) => s.order.status || s.order.error, null, 'the order', 30000);
    };
    return { context, page, errors, press, pressSeat, shot, payByCard };
  }

  test('the 5 Play Package: composite map, best available for two seats, paid by card (mouse)', { timeout: 150000 }, async () => {
    const { context, page, errors, press, shot, payByCard } = await customerPage();
    try {
      await press('tab_season');
      await press('product_five-play-package');
      let s = await waitSeason(page, (s) => s.series_map && s.group_seats === 'ready', null, 'the Tuesdays composite');
      assert.equal(s.choice.group, 'tue');
      assert.deepEqual(s.choice.instances, TUESDAYS);
      await shot('season-series.png');

      // The composite: a seat is free only when free at every Tuesday; the page's count is the server's.
      const maps = (await api('GET', '/api/series/five-play-package/groups/tue/availability')).body.instances;
      const seats = h.planSeats(catalog, 'encore-theatre');
      const freeEverywhere = seats.filter((seat, i) => maps.every((m) => m.seats[i] === 'o'));
      const locked = new Set(catalog.seat_locks.flatMap((l) => l.seats));
      assert.equal(s.series_selectable_count, freeEverywhere.filter((seat) => !locked.has(seat.id)).length);
      const marked = (await h.state(page)).page.locked_seats;  // the Friends' block is marked on the composite too
      assert.deepEqual(marked.map((l) => l.seat).sort(), [...locked].sort());
      assert.ok(marked.every((l) => l.kept && /^Friends' Block: for members of/.test(l.lock)), 'kept from a customer who is not a Friend');
      let partly = -1;  // a seat free at four of the five, away from the best-available card
      for (let i = 0; i < seats.length && partly < 0; i++) {
        if (maps.filter((m) => m.seats[i] === 'o').length !== 4 || seats[i].section !== 'Stalls') continue;
        if ((await h.seatPos(page, seats[i].id)).x > 760) partly = i;
      }
      assert.ok(partly >= 0, 'a stalls seat is free at four of the five Tuesdays');

      // Best available for two: the core's proposal, accepted, held at all five performances.
      await press('best_open');
      s = await season(page);
      assert.equal(s.best.seats, 2);
      await press('best_find');
      s = await waitSeason(page, (s) => s.best.proposal.length === 2, null, 'the proposal');
      const proposed = s.best.proposal;
      const partlyPos = await h.seatPos(page, seats[partly].id);
      await page.mouse.move(partlyPos.x, partlyPos.y);  // the hover tells "free at 4 of 5 performances"
      await h.waitFrames(page, 4);
      await page.screenshot({ path: path.join(h.OUT_DIR, 'season-composite.png') });
      await press('best_accept');
      s = await waitSeason(page, (s) => s.series_picks.length === 2 && s.series_picks.every((p) => p.held), null, 'the series hold');
      assert.deepEqual(s.series_picks.map((p) => p.seat), proposed);
      for (const instance of TUESDAYS) {
        const a = await availability(instance);
        for (const id of proposed) assert.equal(a.seats[seatIndex(id)], 'h', `${id} held at ${instance}`);
      }
      const st = await h.state(page);
      assert.equal(st.basket.lines.length, 2);
      assert.equal(st.basket.lines[0].series.column, '5', 'the 5-event column is in force');
      assert.ok(st.basket.lines[0].series.saving > 0, 'cheaper than the same seats bought singly');
      await shot('season-series-basket.png');

      const paid = await payByCard();
      assert.equal(paid.order.error, null, `no error: ${paid.order.error}`);
      assert.equal(paid.order.status, 'paid');
      assert.equal(paid.order.total, st.basket.total, 'the server charged the total the page showed');

      // The server: both seats sold at every Tuesday, two subscriptions over the five performances.
      for (const instance of TUESDAYS) {
        const a = await availability(instance);
        for (const id of proposed) assert.equal(a.seats[seatIndex(id)], 's', `${id} sold at ${instance}`);
      }
      const subs = (await api('GET', '/api/me/subscriptions')).body.subscriptions;
      assert.deepEqual(subs.map((x) => x.seat).sort(), [...proposed].sort());
      for (const sub of subs) assert.deepEqual(sub.performances, TUESDAYS);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('Friends joined in the basket: Earnest in its priority window, a seat in the Friends\' block, no booking fee (touch, phone)', { timeout: 150000 }, async () => {
    const { context, page, errors, press, pressSeat, shot, payByCard } = await customerPage({ width: 390, height: 844, dpr: 2, touch: true });
    try {
      await page.evaluate((id) => Module.ccall('encore_select_instance', 'number', ['string'], [id]), EARNEST);
      let st = await h.waitState(page, (s, i) => s.instance === i && s.availability === 'ready', EARNEST, "Earnest's seats");
      assert.equal(st.on_sale, false, 'before joining: members book first');

      await press('tab_season');
      await press('product_combo');
      await press('product_item_friends');
      await shot('season-membership-phone.png');
      await press('product_add');
      await waitSeason(page, (s) => s.products.length === 1 && s.products[0].product === 'friends', null, 'the membership in the basket');

      await press('tab_events');
      st = await h.waitState(page, (s) => s.on_sale, null, 'priority booking open to the new member');
      const before = await availability(EARNEST);
      const block = catalog.seat_locks.find((l) => l.lock_type === 'friends-block').seats.find((id) => before.seats[seatIndex(id)] === 'o');
      assert.ok(block, 'a seat of the Friends\' block is open at Earnest');
      await pressSeat(block);
      st = await h.waitState(page, (s, b) => s.pending_hold_requests === 0 && s.hold && s.hold.seats.some((x) => x.seat === b),
        block, 'the Friends\' block seat held');
      assert.equal(st.basket.lines.length, 2);
      assert.equal(st.basket.totals.fees, 0, 'the booking fee is waived');
      await shot('season-friends-phone.png');
      const s = await payByCard();
      assert.equal(s.order.status, 'paid', `paid: ${s.order.error}`);
      assert.equal(s.order.total, st.basket.total);

      // The server: the membership, the seat sold in the block, the order without fees.
      const memberships = (await api('GET', '/api/me/memberships')).body.memberships;
      assert.ok(memberships.some((m) => m.membership === 'friends' && m.active), 'a Friend now');
      const a = await availability(EARNEST);
      assert.equal(a.seats[seatIndex(block)], 's');
      const order = (await api('GET', `/api/orders/${s.order.reference}`)).body.order;
      assert.equal(order.totals.fees, 0);
      assert.deepEqual(order.lines.map((l) => l.kind).sort(), ['membership', 'ticket']);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('a Flex 4 Pass bought, then spent on two plays in a later order (touch, tablet)', { timeout: 150000 }, async () => {
    const { context, page, errors, press, pressSeat, shot, payByCard } = await customerPage({ width: 1024, height: 768, touch: true });
    try {
      await press('tab_season');
      await press('product_flex-4');
      await shot('season-pass.png');
      await press('product_add');
      await waitSeason(page, (s) => s.products.length === 1, null, 'the pass in the basket');
      let s = await payByCard();
      assert.equal(s.order.status, 'paid', `paid: ${s.order.error}`);
      assert.equal(s.order.total, 14000);
      const bought = await waitSeason(page, (s) => s.issued.length === 1, null, 'the pass code');
      const code = bought.issued[0].code;
      assert.match(code, /^FLEX-/);
      await shot('season-pass-confirmation.png');
      await press('order_close');

      // Later: two plays, and "Use a pass" pays for both.
      await press('tab_events');
      const plays = ['macbeth-2027-01-13-e', 'the-cherry-orchard-2027-01-27-e'];
      const picked = [];
      for (const instance of plays) {
        await page.evaluate((id) => Module.ccall('encore_select_instance', 'number', ['string'], [id]), instance);
        await h.waitState(page, (s, i) => s.instance === i && s.availability === 'ready', instance, `${instance}'s seats`);
        const a = await availability(instance);
        const seat = h.planSeats(catalog, 'encore-theatre').find((x, i) => a.seats[i] === 'o' && x.section === 'Stalls' && !(x.attributes || []).length);
        await pressSeat(seat.id);
        picked.push({ instance, seat: seat.id });
      }
      await h.waitState(page, (s) => s.pending_hold_requests === 0 && s.hold && s.hold.seats.length === 2, null, 'both seats held');
      s = await waitSeason(page, (s) => s.passes_usable.length === 1, null, '"Use a pass"');
      assert.equal(s.passes_usable[0].code, code);
      assert.equal(s.passes_usable[0].left, 4);
      await shot('season-use-a-pass.png');
      await press('use_pass_0');
      s = await waitSeason(page, (s) => s.passes_in_use.length === 1 && s.passes_in_use[0].lines.length === 2, null, 'the pass in use');
      assert.equal(s.passes_in_use[0].left, 2, 'the allowance left shows');
      const st = await h.state(page);
      assert.equal(st.basket.total, 0, 'two plays free with the pass, and no booking fee for its holder');
      await shot('season-pass-used.png');
      s = await payByCard();
      assert.equal(s.order.status, 'paid', `paid: ${s.order.error}`);
      assert.equal(s.order.total, 0);
      const reference = s.order.reference;

      // The server: the pass has two redemptions, both in the later order.
      const pass = (await api('GET', '/api/me/passes')).body.passes.find((p) => p.code === code);
      assert.equal(pass.used, 2);
      assert.equal(pass.remaining, 2);
      assert.deepEqual(pass.redemptions.map((r) => [r.instance, r.seat]).sort(), picked.map((p) => [p.instance, p.seat]).sort());
      for (const r of pass.redemptions) assert.equal(r.order, reference);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('a series has a link of its own: opened fresh on its composite map, then back and forward (mouse)', { timeout: 90000 }, async () => {
    const { context, page, errors, press } = await customerPage({ hash: '#/series/five-play-package' });
    try {
      let s = await waitSeason(page, (s) => s.series_map && s.group_seats === 'ready', null, 'the series opened by its link');
      assert.equal(s.choice.series, 'five-play-package');
      assert.ok(page.url().endsWith('#/series/five-play-package'));
      await press('tab_events');
      const st = await h.state(page);
      await page.waitForFunction((id) => window.location.hash === `#/performance/${id}`, st.instance);
      await press('tab_account');
      await page.waitForFunction(() => window.location.hash === '#/account');
      await page.goBack();
      s = await waitSeason(page, (s) => s.view === 'events', null, "back to What's on");
      await page.goBack();
      s = await waitSeason(page, (s) => s.series_map && s.choice.series === 'five-play-package', null, 'back to the series');
      assert.ok(page.url().endsWith('#/series/five-play-package'));
      await page.goForward();
      await waitSeason(page, (s) => s.view === 'events', null, "forward to What's on");
      assert.ok(page.url().endsWith(`#/performance/${st.instance}`));
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('your account shows the orders, pass, membership and subscriptions (mouse)', { timeout: 90000 }, async () => {
    const { context, page, errors, press, shot } = await customerPage({ width: 1280, height: 900 });
    try {
      await press('tab_account');
      const s = await waitSeason(page, (s) => s.records.state === 'ready', null, 'the account');
      const mine = async (what) => (await api('GET', `/api/me/${what}`)).body[what];
      assert.equal(s.records.orders, (await mine('orders')).length);
      assert.equal(s.records.orders, 4);
      assert.equal(s.records.passes, 1);
      assert.equal(s.records.memberships, 1);
      assert.equal(s.records.subscriptions, 2);
      const code = (await mine('passes'))[0].code;
      const r = await h.widgetRect(page, `account_pass_${code}`);
      assert.ok(r.visible, 'the pass code is on the page');
      await shot('season-account.png');
      await context.close();

      const phone = await customerPage({ width: 390, height: 844, dpr: 2, touch: true });
      await phone.press('tab_account');
      await waitSeason(phone.page, (s) => s.records.state === 'ready', null, 'the account on a phone');
      await phone.shot('season-account-phone.png');
      assert.deepEqual(phone.errors, []);
      await phone.context.close();
      assert.deepEqual(errors, []);
    } finally {
      await context.close().catch(() => {});
    }
  });
});
