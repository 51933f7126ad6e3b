// Browser test of the seat map's level of detail: zoomed out, the demo theatre's sections are shapes labelled
// with their free seats (as the server's availability and the seat locks give them for a visitor); clicking one
// zooms into it, its seats appear, and a seat picked there is held, then sold on the server.
'use strict';
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { OUT_DIR, inputPaths, state, openPage, waitReady, waitFrames, waitExport, visibleSeats, availability, planSeats,
  registerCustomer, serverAndBrowser, clickWidget } = require('./harness');

let setupProblem = null;
try { inputPaths(); } catch (e) { setupProblem = e; }
if (setupProblem) test('e2e inputs are configured', () => { throw setupProblem; });

async function mapJson(page) {
  return JSON.parse(await page.evaluate(() => UTF8ToString(Module._encore_map_json())));
}

describe('seat map level of detail', { skip: setupProblem ? 'inputs missing (see the failure above)' : false }, () => {
  const suite = serverAndBrowser();

  test('zoomed out, sections show their free seats; a click zooms into one and a seat there can be bought', { timeout: 90000 }, async () => {
    const email = `lod-${Date.now()}@example.org`;
    await registerCustomer(suite.baseUrl, email, 'level-of-detail');
    const { page, errors } = await openPage(suite.browser, suite.baseUrl);
    try {
      await waitReady(page);
      await page.evaluate(([e, p]) => Module.ccall('encore_log_in', null, ['string', 'string'], [e, p]), [email, 'level-of-detail']);
      await waitExport(page, '_encore_state_json', (st, e) => st.account === e, email, 'the log-in');
      const s0 = await state(page);
      let map = await mapJson(page);
      assert.equal(map.sections_shown, false, 'the theatre fitted to the map shows its seats');

      // Zoom out with the wheel over the middle of the map until the sections replace the seats.
      const mid = map.sections.find((x) => x.name === 'Stalls');
      for (let i = 0; i < 8 && !map.sections_shown; i++) {
        await page.mouse.move(mid.x, mid.y);
        await page.mouse.wheel(0, 300);
        await waitFrames(page, 3);
        map = await mapJson(page);
      }
      assert.equal(map.sections_shown, true, `zooming out shows sections (zoom ${map.zoom}, ${map.scale} CSS px a seat)`);

      // Each section's free count is what the server's availability leaves a visitor: open seats, less the
      // Friends' block (kept for members).
      const locked = new Set(suite.catalog.seat_locks.flatMap((l) => l.seats));
      const seats = planSeats(suite.catalog, 'encore-theatre');
      const avail = await availability(suite.baseUrl, s0.instance);
      const expected = {};
      seats.forEach((seat, i) => {
        expected[seat.section] = (expected[seat.section] || 0) + (avail.seats[i] === 'o' && !locked.has(seat.id) ? 1 : 0);
      });
      assert.equal(map.sections.length, suite.catalog.venues[0].plan.sections.length);
      for (const section of map.sections)
        assert.equal(section.free, expected[section.name], `${section.name}: ${section.free} free on the map`);
      assert.ok(map.sections.some((x) => x.free > 0 && x.free < x.seats), 'some sections are partly sold (demo sales)');
      await page.screenshot({ path: path.join(OUT_DIR, 'lod-sections.png') });

      // A click on the Stalls zooms to them: seats are drawn again and the Stalls fill the map.
      const stalls = map.sections.find((x) => x.name === 'Stalls');
      assert.ok(stalls.in_view, 'the Stalls are on screen');
      const zoomedOut = map.zoom;
      await page.mouse.click(stalls.x, stalls.y);
      map = await waitExport(page, '_encore_map_json', (m) => !m.sections_shown, null, 'the map to zoom into the Stalls');
      assert.ok(map.zoom > zoomedOut * 2, `zoomed in from ${zoomedOut} to ${map.zoom}`);
      assert.ok(map.sections.find((x) => x.name === 'Stalls').in_view, 'the Stalls stay in view');
      await page.screenshot({ path: path.join(OUT_DIR, 'lod-zoomed-in.png') });

      // A seat can be picked there: the server holds it, and after paying it is sold.
      const { instance, seats: [pick] } = await visibleSeats(page, suite.baseUrl, suite.catalog, 1,
        (seat) => seat.section === 'Stalls' && !(seat.attributes || []).length);
      await page.mouse.click(pick.pos.x, pick.pos.y);
      const s = await waitExport(page, '_encore_state_json', (st) => st.selection.length === 1 && st.selection[0].held && st.hold && st.hold.token,
        null, 'the picked seat to be held');
      assert.equal(s.selection[0].seat, pick.seat.id);
      const after = await availability(suite.baseUrl, instance);
      assert.equal(after.seats[pick.index], 'h', `${pick.seat.id} is held on the server`);
      await waitFrames(page, 3);
      await page.screenshot({ path: path.join(OUT_DIR, 'lod-seat-picked.png') });
      await clickWidget(page, 'checkout');
      await page.evaluate(() => Module.ccall('encore_place_order', null, ['string', 'string', 'string', 'string'],
        ['card', '4242424242424242', '01/31', '999']));
      const paid = await waitExport(page, '_encore_state_json', (st) => st.order.status || st.order.error, null, 'the order', 30000);
      assert.equal(paid.order.status, 'paid', `paid: ${paid.order.error}`);
      assert.equal((await availability(suite.baseUrl, instance)).seats[pick.index], 's', `${pick.seat.id} is sold on the server`);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
