// Shared helpers of the browser tests: inputs from the environment, the real encore-server on a temp db,
// headless Chromium pages, and reading the web client's state and widget positions through its exports.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const OUT_DIR = path.join(__dirname, 'out');
const CHROMIUM_ARGS = ['--no-sandbox', '--use-gl=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// A path from the environment that must exist; a clear message otherwise.
function requiredPath(name, what) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: point it at ${what} (see tests/e2e/harness.js)`);
  if (!fs.existsSync(value)) throw new Error(`${name}=${value} does not exist: build ${what} first`);
  return path.resolve(value);
}

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

// Starts the real server on a free port; `url` resolves with its base URL from the "listening on" line.
function startServer({ server, webroot, catalog }, extraArgs = []) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encore-e2e-'));
  // Every page and the tests themselves come from 127.0.0.1: the per-client limits of on-sale day
  // (docs/on-sale-day.md) are raised so that they test the flows, not the limits.
  const limits = ['--max-holds-per-client', '1000', '--max-seats-per-customer', '1000', '--login-rate', '1000'];
  const child = spawn(server, ['--port', '0', '--db', path.join(dir, 'e2e.db'), '--web-root', webroot,
    '--catalog', catalog, '--demo-sales', ...limits, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`encore-server did not say where it listens within 15 s:\n${output}`)), 15000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const m = /encore-server listening on (http:\/\/\S+)/.exec(output);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.stderr.on('data', (chunk) => { output += chunk; if (output.length > 1e6) output = output.slice(-5e5); });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`encore-server exited with ${code}:\n${output}`)); });
  });
  const stop = () => { child.kill('SIGTERM'); fs.rmSync(dir, { recursive: true, force: true }); };
  return { child, dir, url, stop };
}

async function state(page) {
  return JSON.parse(await page.evaluate(() => UTF8ToString(Module._encore_state_json())));
}

async function seatPos(page, seatId) {
  return JSON.parse(await page.evaluate((id) => UTF8ToString(Module.ccall('encore_seat_screen_pos', 'number', ['string'], [id])), seatId));
}

async function widgetRect(page, name) {
  return JSON.parse(await page.evaluate((n) => UTF8ToString(Module.ccall('encore_widget_rect', 'number', ['string'], [n])), name));
}

// Lets at least n more frames run, so input delivered between frames has been handled.
async function waitFrames(page, n = 3) {
  const f0 = await page.evaluate(() => Module._encore_frame_count());
  await page.waitForFunction((f) => Module._encore_frame_count() >= f, f0 + n, { timeout: 15000 });
}

// Waits until the JSON an export returns (e.g. '_encore_state_json') satisfies `predicate` (a function of it, run
// in the page); returns that JSON.
async function waitExport(page, exported, predicate, arg, what, timeout = 15000) {
  const read = async () => JSON.parse(await page.evaluate((f) => UTF8ToString(Module[f]()), exported));
  try {
    // One function compiled once by Playwright: the page's Content-Security-Policy forbids the page
    // itself to compile code (new Function) while polling.
    const poll = new Function(`return ({ exported, arg }) => (${predicate.toString()})(JSON.parse(UTF8ToString(Module[exported]())), arg);`)();
    await page.waitForFunction(poll, { exported, arg }, { timeout, polling: 100 });
  } catch (e) {
    throw new Error(`timed out waiting for ${what}; ${exported}: ${JSON.stringify(await read()).slice(0, 3000)}`);
  }
  return read();
}

// Waits until the client's state satisfies `predicate` (a function of the state JSON, run in the page).
function waitState(page, predicate, arg, what, timeout = 15000) {
  return waitExport(page, '_encore_state_json', predicate, arg, what, timeout);
}

// The middle of a widget the UI named, once it is drawn in the latest frame.
async function widgetMiddle(page, name) {
  await page.waitForFunction((n) => JSON.parse(UTF8ToString(Module.ccall('encore_widget_rect', 'number', ['string'], [n]))).visible,
    name, { timeout: 15000 }).catch(() => { throw new Error(`widget ${name} is not on screen`); });
  const r = await widgetRect(page, name);
  return { x: r.x + r.w / 2, y: r.y + r.h / 2 };
}

// Clicks the middle of a widget the UI named.
async function clickWidget(page, name) {
  const m = await widgetMiddle(page, name);
  await page.mouse.click(m.x, m.y);
  await waitFrames(page, 3);
}

// Clicks a named text field and types into it, as a person would.
async function typeInto(page, name, text) {
  await clickWidget(page, name);
  await page.keyboard.type(text, { delay: 15 });
  await waitFrames(page, 2);
}

async function openPage(browser, baseUrl, { dpr = 1, width = 1280, height = 800, setup, context, hash = '' } = {}) {
  const page = context ? await context.newPage() : await browser.newPage({ viewport: { width, height }, deviceScaleFactor: dpr });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (setup) await setup(page);
  await page.goto(`${baseUrl}/index.html${hash}`);
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

// Taps the middle of a widget the UI named, with a finger (a page with touch).
async function tapWidget(page, name) {
  const m = await widgetMiddle(page, name);
  await page.touchscreen.tap(m.x, m.y);
  await waitFrames(page, 3);
}

// For a describe(): the real server (with `extraArgs`) and headless Chromium, started before its tests and
// stopped after them; the returned object gets {server, baseUrl, catalog, browser} once started.
function serverAndBrowser(extraArgs = []) {
  const { before, after } = require('node:test');
  const { chromium } = require('playwright-core');
  const suite = {};
  before(async () => {
    fs.mkdirSync(OUT_DIR, { recursive: true });
    suite.server = startServer(inputPaths(), extraArgs);
    suite.baseUrl = await suite.server.url;
    suite.catalog = await (await fetch(`${suite.baseUrl}/api/catalog`)).json();
    suite.browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  });
  after(async () => {
    if (suite.browser) await suite.browser.close().catch(() => {});
    if (suite.server) suite.server.stop();
  });
  return suite;
}

// `count` seats of the shown performance that are open on the server, on screen and pass `filter(seat)`
// (plan seat with section, row, attributes) and `where(position)`, skipping ids in `taken` (which they join).
async function visibleSeats(page, baseUrl, catalog, count, filter = () => true, taken = new Set(), where = () => true) {
  const s = await state(page);
  const instance = catalog.instances.find((i) => i.id === s.instance);
  const event = catalog.events.find((e) => e.id === instance.event);
  const seats = planSeats(catalog, instance.venue || event.venue);
  const avail = await (await fetch(`${baseUrl}/api/instances/${encodeURIComponent(s.instance)}/availability`)).json();
  const found = [];
  for (let i = 0; i < seats.length && found.length < count; i++) {
    if (avail.seats[i] !== 'o' || taken.has(seats[i].id) || !filter(seats[i])) continue;
    const pos = await seatPos(page, seats[i].id);
    if (!pos.visible || !where(pos)) continue;
    found.push({ seat: seats[i], index: i, pos });
    taken.add(seats[i].id);
  }
  if (found.length !== count) throw new Error(`only ${found.length} of ${count} wanted seats are open and on screen`);
  return { instance: s.instance, seats: found };
}

async function availability(baseUrl, instance) {
  return (await fetch(`${baseUrl}/api/instances/${encodeURIComponent(instance)}/availability`)).json();
}

// The session token the page keeps (after a log-in or registration through it).
async function sessionToken(page) {
  return page.evaluate(() => window.localStorage.getItem('encore.session'));
}

// A fresh customer account made through the API; returns its bearer token.
async function registerCustomer(baseUrl, email, password = 'correct horse battery') {
  const r = await fetch(`${baseUrl}/api/auth/register`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, name: 'Test Customer', password }) });
  if (r.status !== 201) throw new Error(`registering ${email}: HTTP ${r.status} ${await r.text()}`);
  return (await r.json()).token;
}

// Moves the pointer off the map and lets the picture settle before a screenshot.
async function screenshot(page, name) {
  await waitFrames(page, 3);
  await page.screenshot({ path: path.join(OUT_DIR, name) });
}

module.exports = { OUT_DIR, CHROMIUM_ARGS, inputPaths, startServer, state, seatPos, widgetRect, waitFrames, waitExport, waitState,
  clickWidget, typeInto, openPage, waitReady, planSeats, gbp, tapWidget, visibleSeats, availability, sessionToken,
  registerCustomer, screenshot, serverAndBrowser };
