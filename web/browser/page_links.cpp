// location.hash in, history.pushState / replaceState out.
#include "browser/page_links.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>

#include "logic/links.hpp"

namespace {

EM_JS(void, js_links_install, (), {
    Module['encoreAddress'] = null;
    var arrived = function () { Module['encoreAddress'] = window.location.hash || ""; Module['encoreWake'] = 1; };
    window.addEventListener('hashchange', arrived);
    window.addEventListener('popstate', arrived);
});

EM_JS(char*, js_address_now, (), {
    var h = window.location.hash || "";
    var n = lengthBytesUTF8(h) + 1, p = _malloc(n);
    stringToUTF8(h, p, n);
    return p;
});

// The address reached since the last call, or 0.
EM_JS(char*, js_take_address, (), {
    var h = Module['encoreAddress'];
    if (h === null || h === undefined) return 0;
    Module['encoreAddress'] = null;
    var n = lengthBytesUTF8(h) + 1, p = _malloc(n);
    stringToUTF8(h, p, n);
    return p;
});

EM_JS(void, js_write_address, (const char* hash, int replace), {
    var h = UTF8ToString(hash);
    if (window.location.hash === h) return;
    var url = window.location.pathname + window.location.search + h;
    if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
});

std::string take(char* p) {
    std::string s = p ? p : "";
    std::free(p);
    return s;
}

}  // namespace

namespace web {

void install_page_links(AppState& app) {
    js_links_install();
    address_arrived(app, take(js_address_now()));
}

void take_page_address(AppState& app) {
    if (char* p = js_take_address()) address_arrived(app, take(p));
}

void write_page_address(AppState& app) {
    if (std::optional<HistoryChange> change = take_history_change(app)) js_write_address(change->hash.c_str(), change->replace ? 1 : 0);
}

}  // namespace web
