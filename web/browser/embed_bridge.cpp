// window 'message' events in, window.parent.postMessage(…, host origin) out; decisions are web/logic/embed's.
#include "browser/embed_bridge.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>
#include <string>

#include "browser/page.hpp"
#include "logic/embed.hpp"

namespace {

EM_JS(char*, js_location_search, (), {
    var s = window.location.search || "";
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
});

// Every message goes to the logic with its origin and whether it came from the parent window (the host page);
// data that is not JSON-able arrives as "null" and is refused there.
EM_JS(void, js_embed_listen, (), {
    window.addEventListener("message", function (e) {
        var text = "null";
        try { text = JSON.stringify(e.data === undefined ? null : e.data) || "null"; } catch (err) { text = "null"; }
        var fromParent = window.parent !== window && e.source === window.parent ? 1 : 0;
        Module.ccall("encore_embed_message", null, ["string", "string", "number"], [String(e.origin || ""), text, fromParent]);
        Module["encoreWake"] = 1;
    });
});

EM_JS(void, js_embed_post, (const char* host, const char* json), {
    if (window.parent === window) return;
    window.parent.postMessage(JSON.parse(UTF8ToString(json)), UTF8ToString(host));
});

}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE void encore_embed_message(const char* origin, const char* data, int from_parent) {
    web::accept_embed_message(web::the_app(), origin, data, from_parent != 0);
}
}

namespace web {

void install_embed_bridge(AppState& app) {
    char* search = js_location_search();
    start_embed(app, search ? search : "");
    std::free(search);
    if (app.page.embed.settings.embedded) js_embed_listen();
}

void post_embed_messages(AppState& app) {
    for (const std::string& message : take_embed_messages(app))
        js_embed_post(app.page.embed.settings.host.c_str(), message.c_str());
}

}  // namespace web
