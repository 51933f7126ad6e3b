// Browser end-to-end test of embedding: the sample venue page (assets/embed-sample) served by a small node server on
// another origin (http://localhost:PORT, the box office being http://127.0.0.1:PORT) frames the picker with
// /embed.js; a customer buys inside the iframe; the venue page hears encore:ready, encore:basketChanged (the core's
// priced basket) and encore:orderCompleted (the reference), and the order is on the server. Messages from an origin
// the server does not list are ignored on both sides.
// Run: ENCORE_SERVER=... ENCORE_WEBROOT=... ENCORE_CATALOG=... node --test tests/e2e/
'use strict';
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const h = require('./harness');

let setupProblem = null;
try { h.inputPaths(); } catch (e) { setupProblem = e; }
if (setupProblem) test('e2e inputs are configured', () => { throw setupProblem; });

const SAMPLE = path.join(__dirname, '..', '..', 'assets', 'embed-sample');
// A frame on a third origin that forges messages: to the picker (a selection) and to the venue page (an order).
const FORGER_HTML = '<!doctype html><title>forger</title><script src="/forger.js"></script>';
const FORGER_JS = `
  parent.frames[0].postMessage({ type: 'encore:select', performance: 'the-cherry-orchard-2027-01-26-e' }, '*');
  parent.postMessage({ type: 'encore:orderCompleted', reference: 'FORGED' }, '*');
  parent.postMessage({ type: 'encore:resize', height: 240 }, '*');
  document.title = 'sent';`;

// The venue's web server: the sample page with the box office's address put in its snippet, and the forger.
function startVenueServer(boxOffice) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://venue');
    let body, file = url.pathname === '/' ? '/index.html' : url.pathname;
    if (file === '/forger.html') body = FORGER_HTML;
    else if (file === '/forger.js') body = FORGER_JS;
    else if (/^\/[a-z-]+\.(html|js|css)$/.test(file) && fs.existsSync(path.join(SAMPLE, file))) {
      body = fs.readFileSync(path.join(SAMPLE, file), 'utf8');
      if (file === '/index.html') body = body.replace('http://127.0.0.1:8080', boxOffice());
    }
    if (body === undefined) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] + '; charset=utf-8' });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, () => resolve(server)));
}

describe('the seat picker embedded on a venue page from another origin', { skip: setupProblem ? 'inputs missing (see the failure above)' : false }, () => {
  let venue, venuePort, running, baseUrl, catalog, browser;
  before(async () => {
    fs.mkdirSync(h.OUT_DIR, { recursive: true });
    venue = await startVenueServer(() => baseUrl);
    venuePort = venue.address().port;
    running = h.startServer(h.inputPaths(), ['--fast-password-hashing', '--embed-origin', `http://localhost:${venuePort}`]);
    baseUrl = await running.url;
    catalog = await (await fetch(`${baseUrl}/api/catalog`)).json();
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: h.CHROMIUM_ARGS });
  });
  after(async () => {
    if (browser) await browser.close().catch(() => {});
    if (running) running.stop();
    if (venue) venue.close();
  });

  test('buy inside the iframe; the venue page hears ready, the priced basket and the order; forgeries are ignored', { timeout: 180000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1500 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      assert.notEqual(new URL(baseUrl).origin, `http://localhost:${venuePort}`);
      await page.goto(`http://localhost:${venuePort}/index.html`);
      const frameElement = await page.waitForSelector('iframe.encore-embed');
      const frame = await frameElement.contentFrame();
      assert.equal(new URL(frame.url()).origin, new URL(baseUrl).origin, 'the picker comes from the box office');
      await frame.waitForFunction(() => typeof Module !== 'undefined' && Module.calledRun && Module._encore_frame_count() > 3,
        null, { timeout: 20000 });
      await h.waitReady(frame);
      await page.waitForFunction(() => window.encoreEvents.some((e) => e.type === 'encore:ready'), null, { timeout: 15000 });
      let s = await h.state(frame);
      assert.equal(s.instance, 'macbeth-2027-01-13-e', 'data-performance chose the performance');
      assert.deepEqual({ embedded: s.page.embed.embedded, allowed: s.page.embed.host_allowed, theme: s.page.embed.theme },
        { embedded: true, allowed: true, theme: 'light' });
      // The iframe took the height the picker asked for.
      await page.waitForFunction((h) => document.querySelector('iframe.encore-embed').getBoundingClientRect().height === h,
        s.page.embed.height, { timeout: 5000 });

      // A frame from an origin the server does not list forges a selection, an order and a resize: all ignored.
      const ignoredBefore = s.page.embed.ignored;
      await page.evaluate((src) => { const f = document.createElement('iframe'); f.src = src; f.id = 'forger'; document.body.appendChild(f); },
        `http://127.0.0.1:${venuePort}/forger.html`);
      await page.waitForFunction(() => { const f = document.getElementById('forger'); return f && f.contentDocument === null; });
      s = await h.waitState(frame, (s, n) => s.page.embed.ignored > n, ignoredBefore, 'the forged selection to arrive');
      await h.waitFrames(frame, 5);
      s = await h.state(frame);
      assert.equal(s.instance, 'macbeth-2027-01-13-e', 'the forged encore:select changed nothing');
      assert.equal(await page.evaluate(() => window.encoreEvents.filter((e) => e.type === 'encore:orderCompleted').length), 0,
        'the venue page did not take the forged order');
      assert.equal(await page.evaluate(() => document.querySelector('iframe.encore-embed').getBoundingClientRect().height),
        s.page.embed.height, 'the forged resize was ignored');
      await page.evaluate(() => document.getElementById('forger').remove());

      // The venue page's own button selects another performance through Encore.select.
      await page.click('button[data-select-performance="macbeth-2027-01-14-e"]');
      await h.waitState(frame, (s) => s.instance === 'macbeth-2027-01-14-e' && s.availability === 'ready', null, 'the selected performance');
      await h.waitFrames(frame, 3);

      // Two open stalls seats, clicked on the venue page (frame coordinates + the iframe's place).
      const box = await frameElement.boundingBox();
      const { instance, seats } = await h.visibleSeats(frame, baseUrl, catalog, 2,
        (seat) => seat.section === 'Stalls' && !(seat.attributes || []).length);
      for (const p of seats) {
        await page.mouse.click(box.x + p.pos.x, box.y + p.pos.y);
        await h.waitFrames(frame, 3);
      }
      s = await h.waitState(frame, (s, ids) => s.hold && s.pending_hold_requests === 0 && ids.every((id) => s.hold.seats.some((x) => x.seat === id)),
        seats.map((p) => p.seat.id), 'the seats to be held');
      const total = s.basket.total;
      assert.ok(total > 0);
      const changed = await page.waitForFunction((t) => window.encoreEvents.find((e) => e.type === 'encore:basketChanged' &&
        e.basket.lines.length === 2 && e.basket.total === t), total, { timeout: 15000 }).then((r) => r.jsonValue());
      assert.deepEqual(changed.basket.lines, s.basket.lines, 'the venue page got the lines as the core priced them');
      assert.equal(changed.basket.currency, 'GBP');
      // The pointer rests on an empty corner of the map, so no seat card covers it in the picture.
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height - 6);
      await h.waitFrames(frame, 3);
      await page.screenshot({ path: path.join(h.OUT_DIR, 'embed-basket.png'),
        clip: { x: 0, y: 0, width: 1280, height: Math.ceil(box.y + box.height + 180) } });

      // Checkout inside the iframe: register, then pay by the approving test card.
      const offset = (m) => ({ x: box.x + m.x, y: box.y + m.y });
      const click = async (name) => {
        await frame.waitForFunction((n) => JSON.parse(UTF8ToString(Module.ccall('encore_widget_rect', 'number', ['string'], [n]))).visible,
          name, { timeout: 15000 });
        const r = await h.widgetRect(frame, name);
        const m = offset({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
        await page.mouse.click(m.x, m.y);
        await h.waitFrames(frame, 3);
      };
      const type = async (name, text) => { await click(name); await page.keyboard.type(text, { delay: 15 }); await h.waitFrames(frame, 2); };
      const email = `embed-${Date.now()}@example.org`;
      await click('checkout');
      await click('register_mode');
      await type('email', email);
      await type('name', 'Grace Hopper');
      await type('password', 'correct horse battery');
      await click('account_submit');
      await h.waitState(frame, (s, e) => s.account === e, email, 'the registration');
      await click('pay_card');
      await type('card_number', '4242 4242 4242 4242');
      await type('card_expiry', '12/30');
      await type('card_cvc', '123');
      await click('pay');
      s = await h.waitState(frame, (s) => s.order.status || s.order.error, null, 'the card order', 30000);
      assert.equal(s.order.error, null, `no error: ${s.order.error}`);
      assert.equal(s.order.status, 'paid');
      assert.equal(s.order.total, total, 'charged the total the venue page was told');
      const completed = await page.waitForFunction(() => window.encoreEvents.find((e) => e.type === 'encore:orderCompleted'),
        null, { timeout: 15000 }).then((r) => r.jsonValue());
      assert.equal(completed.reference, s.order.reference, 'the venue page got the order reference');
      assert.equal(completed.total, total);
      assert.equal(await page.evaluate(() => window.encoreEvents.filter((e) => e.type === 'encore:orderCompleted').length), 1);
      assert.match(completed.short_reference, /^[A-Z0-9]{8}$/);
      assert.equal(completed.short_reference, s.page.order_view.order.short_reference, 'the reference the confirmation shows');
      assert.match(await page.textContent('#summary'), new RegExp(completed.short_reference));

      // The server has the order, paid, with exactly these seats sold.
      // (The iframe's localStorage is third-party storage, which Chromium denies: log in through the API instead.)
      const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: 'correct horse battery' }) });
      assert.equal(login.status, 200);
      const { token } = await login.json();
      const order = await (await fetch(`${baseUrl}/api/orders/${encodeURIComponent(completed.reference)}`,
        { headers: { Authorization: `Bearer ${token}` } })).json();
      assert.equal(order.order.status, 'paid');
      assert.equal(order.order.total, total);
      const avail = await h.availability(baseUrl, instance);
      for (const p of seats) assert.equal(avail.seats[p.index], 's', `${p.seat.id} is sold`);
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height - 6);
      await h.waitFrames(frame, 3);
      await page.screenshot({ path: path.join(h.OUT_DIR, 'embed-paid.png'),
        clip: { x: 0, y: 0, width: 1280, height: Math.ceil(box.y + box.height + 200) } });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the picker talks to no host the server does not list, and the box office refuses to be framed by it', { timeout: 60000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    try {
      // Opened directly (not framed) with an unlisted host: embedded, but silent and deaf.
      await page.goto(`${baseUrl}/index.html?embed=1&host=${encodeURIComponent('https://evil.example')}`);
      await page.waitForFunction(() => typeof Module !== 'undefined' && Module.calledRun && Module._encore_frame_count() > 3,
        null, { timeout: 20000 });
      await h.waitReady(page);
      const s = await h.state(page);
      assert.equal(s.page.embed.embedded, true);
      assert.equal(s.page.embed.host_allowed, false);
      assert.equal(s.page.embed.ready_sent, false);
      // The box office's answers name only the listed origin as a framer.
      const answer = await fetch(`${baseUrl}/index.html`);
      assert.match(answer.headers.get('content-security-policy'), new RegExp(`frame-ancestors 'self' http://localhost:${venuePort}$`));
      assert.equal(answer.headers.get('x-frame-options'), null);
      assert.deepEqual(await (await fetch(`${baseUrl}/api/embed`)).json(), { origins: [`http://localhost:${venuePort}`] });
    } finally {
      await context.close();
    }
  });
});
