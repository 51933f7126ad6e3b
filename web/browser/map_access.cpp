// The map's accessible elements: built once by install_map_access, kept in step with the logic every frame.
#include "browser/map_access.hpp"

#include <emscripten/emscripten.h>

#include <string>

#include <nlohmann/json.hpp>

#include "browser/page.hpp"
#include "browser/redraw.hpp"
#include "logic/map_announcements.hpp"
#include "logic/map_keyboard.hpp"
#include "logic/map_source.hpp"
#include "logic/step_through.hpp"

namespace {

int g_spoken_serial = 0;    // the announcement last put in the live region
std::string g_steps_key;    // what the step-through list was last built from
std::string g_steps_json;   // ... and the list handed to the page
std::string g_answer;

EM_JS(void, js_access_install, (), {
    if (Module['encoreAccess']) return;
    var el = function (tag, id, cls) {
        var e = document.createElement(tag);
        if (id) e.id = id;
        if (cls) e.className = cls;
        return e;
    };
    var root = el('div', 'encore-access', 'encore-access');
    var map = el('div', 'encore-map', 'encore-map');
    map.tabIndex = 0;
    map.setAttribute('role', 'application');
    map.setAttribute('aria-roledescription', 'seat map');
    map.setAttribute('aria-label', 'Seat map');
    map.setAttribute('aria-describedby', 'encore-map-help');
    var help = el('p', 'encore-map-help', 'encore-hidden');
    help.textContent = 'Arrow keys move between seats and rows, Page Up and Page Down between sections, Enter or Space ' +
        'adds or removes the seat, plus and minus zoom, Escape leaves the seat. After the map, a list of buttons ' +
        'reads the seats section by section and row by row.';
    var nav = el('nav', 'encore-steps', 'encore-steps');
    nav.setAttribute('aria-label', 'Seats, step by step');
    var heading = el('h2', null, 'encore-steps-heading');
    var list = el('ul', null, 'encore-steps-list');
    nav.appendChild(heading);
    nav.appendChild(list);
    var live = el('div', 'encore-live', 'encore-hidden');
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('aria-atomic', 'true');
    root.appendChild(map);
    root.appendChild(help);
    root.appendChild(nav);
    root.appendChild(live);
    document.body.insertBefore(root, document.body.firstChild);
    var A = { map: map, nav: nav, heading: heading, list: list, live: live, buttons: {}, chosen: null, flip: false };
    Module['encoreAccess'] = A;

    map.addEventListener('focus', function () { Module.ccall('encore_map_focus', null, ['number'], [1]); });
    map.addEventListener('blur', function () { Module.ccall('encore_map_focus', null, ['number'], [0]); });
    map.addEventListener('keydown', function (e) {
        if (e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
        if (Module.ccall('encore_map_key', 'number', ['string'], [e.key])) { e.preventDefault(); e.stopPropagation(); }
    });
    // Escape anywhere (a checkout field, a list button): closes the checkout and gives the keyboard back to the map.
    // On document: index.html keeps keys aimed at the page's own elements from window's key listeners (GLFW's).
    document.addEventListener('keydown', function (e) {
        if (e.key !== 'Escape' || e.target === map) return;
        var r = Module.ccall('encore_escape', 'number', [], []);
        if (r) e.preventDefault();
        if (r === 2) map.focus({ preventScroll: true });
    }, true);
    list.addEventListener('click', function (e) {
        var b = e.target.closest ? e.target.closest('button') : null;
        if (!b) return;
        A.chosen = b.getAttribute('data-id');
        A.moved = A.chosen === 'back' || A.chosen.indexOf('section:') === 0 || A.chosen.indexOf('row:') === 0;
        Module.ccall('encore_step_choose', null, ['string'], [A.chosen]);
    });
});

EM_JS(void, js_access_say, (const char* text), {
    var A = Module['encoreAccess'];
    if (!A) return;
    // The same words twice in a row are still spoken: a no-break space tells the two apart.
    A.flip = !A.flip;
    A.live.textContent = UTF8ToString(text) + (A.flip ? "" : "\u00a0");
});

EM_JS(void, js_access_steps, (const char* json), {
    var A = Module['encoreAccess'];
    if (!A) return;
    var d = JSON.parse(UTF8ToString(json));
    var had = document.activeElement && A.list.contains(document.activeElement) ? document.activeElement.getAttribute('data-id') : null;
    A.heading.textContent = d.heading;
    var keep = {};
    var before = null;
    for (var i = d.items.length - 1; i >= 0; --i) {  // built from the end, so each button goes before the next
        var it = d.items[i];
        var b = A.buttons[it.id];
        var li;
        if (!b) {
            li = document.createElement('li');
            b = document.createElement('button');
            b.type = 'button';
            b.setAttribute('data-id', it.id);
            li.appendChild(b);
            A.buttons[it.id] = b;
        }
        li = b.parentNode;
        if (b.textContent !== it.label) b.textContent = it.label;
        if (it.id.indexOf('seat:') === 0) b.setAttribute('aria-pressed', it.pressed ? 'true' : 'false');
        if (it.current) b.setAttribute('aria-current', 'true'); else b.removeAttribute('aria-current');
        if (li.nextSibling !== before || li.parentNode !== A.list) A.list.insertBefore(li, before);
        before = li;
        keep[it.id] = true;
    }
    Object.keys(A.buttons).forEach(function (id) {
        if (keep[id]) return;
        var li = A.buttons[id].parentNode;
        if (li && li.parentNode) li.parentNode.removeChild(li);
        delete A.buttons[id];
    });
    // After going into a section or row (or back), the keyboard goes to the new list's first button.
    var focus = null;
    if (A.moved) focus = A.list.querySelector('button');
    else if (had && !keep[had]) focus = A.list.querySelector('button');
    A.moved = false;
    if (focus) focus.focus({ preventScroll: true });
});

// What the step-through list depends on; the list is rebuilt only when this changes.
std::string steps_key(const web::AppState& app) {
    const web::MapAccessState& a = app.page.access;
    std::optional<std::uint32_t> seat = web::focused_seat(app);
    return web::map_key(app) + "|" + std::to_string(app.picks_revision) + "|" + std::to_string(app.availability_version) + "|" +
           std::to_string(app.seats.size()) + "|" + std::to_string(static_cast<int>(a.level)) + "|" + std::to_string(a.section) + "|" +
           a.row + "|" + (seat ? std::to_string(*seat) : "-") + "|" + std::to_string(app.account.customer_revision) + "|" +
           std::to_string(app.now.unix_seconds / 60) + "|" + std::to_string(app.priced.basket.total);
}

nlohmann::json steps_json(const web::StepList& list) {
    nlohmann::json items = nlohmann::json::array();
    for (const web::StepItem& i : list.items)
        items.push_back({{"id", i.id}, {"label", i.label}, {"pressed", i.pressed}, {"current", i.current}});
    return {{"heading", list.heading}, {"items", items}};
}

}  // namespace

namespace web {

void install_map_access() { js_access_install(); }

void sync_map_access(AppState& app) {
    const MapAccessState& a = app.page.access;
    if (a.announcement_serial != g_spoken_serial) {
        g_spoken_serial = a.announcement_serial;
        js_access_say(a.announcement.c_str());
    }
    std::string key = steps_key(app);
    if (key == g_steps_key) return;
    g_steps_key = std::move(key);
    std::string json = steps_json(step_list(app)).dump();
    if (json == g_steps_json) return;
    g_steps_json = std::move(json);
    js_access_steps(g_steps_json.c_str());
}

}  // namespace web

extern "C" {

EMSCRIPTEN_KEEPALIVE int encore_map_key(const char* key) {
    std::optional<web::MapKey> k = web::map_key_from_dom(key ? key : "");
    if (!k) return 0;
    bool used = web::press_map_key(web::the_app(), *k);
    web::request_redraw();
    return used ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void encore_map_focus(int focused) {
    web::map_focus_changed(web::the_app(), focused != 0);
    web::request_redraw();
}

EMSCRIPTEN_KEEPALIVE int encore_escape() {
    web::AppState& app = web::the_app();
    bool checkout = app.checkout.open;
    bool closed = web::press_escape(app);
    web::request_redraw();
    if (!closed) return 0;
    return checkout && !app.checkout.open ? 2 : 1;
}

EMSCRIPTEN_KEEPALIVE void encore_step_choose(const char* id) {
    web::step_choose(web::the_app(), id ? id : "");
    web::request_redraw();
}

EMSCRIPTEN_KEEPALIVE const char* encore_access_json() {
    const web::AppState& app = web::the_app();
    std::optional<std::uint32_t> seat = web::focused_seat(app);
    const encore::Venue* venue = web::map_venue(app);
    nlohmann::json j = {{"focused_seat", seat && venue ? nlohmann::json(venue->plan.seats[*seat].id.value) : nlohmann::json()},
                        {"announcement", app.page.access.announcement},
                        {"serial", app.page.access.announcement_serial},
                        {"map_has_focus", app.page.access.map_has_focus},
                        {"steps", steps_json(web::step_list(app))}};
    g_answer = j.dump();
    return g_answer.c_str();
}

}  // extern "C"
