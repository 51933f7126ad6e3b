// pagehide -> fetch(keepalive) of the logic's closing request; pageshow (persisted) -> extend again.
#include "browser/page_lifecycle.hpp"

#include <emscripten/emscripten.h>

#include <string>

#include <nlohmann/json.hpp>

#include "browser/page.hpp"
#include "browser/redraw.hpp"
#include "logic/basket_memory.hpp"

namespace {

std::string g_closing;

EM_JS(void, js_lifecycle_install, (), {
    window.addEventListener('pagehide', function () {
        var text = Module.ccall('encore_page_closing', 'string', [], []);
        if (!text) return;
        var r = JSON.parse(text);
        var headers = { 'Accept': 'application/json' };
        if (r.bearer) headers['Authorization'] = 'Bearer ' + r.bearer;
        try {
            fetch(r.url, { method: r.method, headers: headers, keepalive: true, cache: 'no-store' }).catch(function () {});
        } catch (e) {
            if (!r.bearer && navigator.sendBeacon) navigator.sendBeacon(r.url);  // an anonymous hold needs no session
        }
    });
    window.addEventListener('pageshow', function (e) {
        if (e.persisted) Module.ccall('encore_page_shown_again', null, [], []);
    });
});

}  // namespace

namespace web {

void install_page_lifecycle() { js_lifecycle_install(); }

}  // namespace web

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* encore_page_closing() {
    std::optional<web::HttpRequest> r = web::page_closing_request(web::the_app());
    g_closing = r ? nlohmann::json{{"method", r->method}, {"url", r->url}, {"bearer", r->bearer_token}}.dump() : "";
    return g_closing.c_str();
}

EMSCRIPTEN_KEEPALIVE void encore_page_shown_again() {
    web::page_shown_again(web::the_app());
    web::request_redraw();
}

}  // extern "C"
