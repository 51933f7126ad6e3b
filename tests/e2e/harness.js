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

// Clicks the middle of a widget the UI named (it must be drawn in the latest frame).
async function clickWidget(page, name) {
  await page.waitForFunction((n) => JSON.parse(UTF8ToString(Module.ccall('encore_widget_rect', 'number', ['string'], [n]))).visible,
    name, { timeout: 15000 }).catch(() => { throw new Error(`widget ${name} is not on screen`); });
  const r = await widgetRect(page, name);
  await page.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
  await waitFrames(page, 3);
}

// Clicks a named text field and types into it, as a person would.
async function typeInto(page, name, text) {
  await clickWidget(page, name);
  await page.keyboard.type(text, { delay: 15 });
  await waitFrames(page, 2);
}

async function openPage(browser, baseUrl, { dpr = 1, width = 1280, height = 800, setup, context } = {}) {
  const page = context ? await context.newPage() : await browser.newPage({ viewport: { width, height }, deviceScaleFactor: dpr });
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

module.exports = { OUT_DIR, CHROMIUM_ARGS, inputPaths, startServer, state, seatPos, widgetRect, waitFrames, waitExport, waitState,
  clickWidget, typeInto, openPage, waitReady, planSeats, gbp };
