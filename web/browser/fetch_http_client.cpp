// fetch() for every API call of the web client (the page's early catalog request answers the first GET of it), the
// table of callbacks waiting for answers, and when each answer arrived and was handled (Module.encoreHttpTimes,
// for the seat map benchmark).
#include "browser/fetch_http_client.hpp"

#include <emscripten/emscripten.h>

#include <unordered_map>

#include "browser/redraw.hpp"

namespace {

std::unordered_map<int, web::HttpDone> g_waiting;
int g_next_id = 1;

EM_JS(void, js_http, (int id, const char* method, const char* url, const char* body, const char* token, const char* key), {
    var headers = { 'Accept': 'application/json' };
    var text = UTF8ToString(body);
    if (text.length) headers['Content-Type'] = 'application/json';
    var bearer = UTF8ToString(token);
    if (bearer.length) headers['Authorization'] = 'Bearer ' + bearer;
    var idem = UTF8ToString(key);
    if (idem.length) headers['Idempotency-Key'] = idem;
    var init = { method: UTF8ToString(method), headers: headers, cache: 'no-store' };
    if (text.length) init.body = text;
    var where = UTF8ToString(url);
    function deliver(status, answer) {
        var arrived = performance.now();
        var n = lengthBytesUTF8(answer) + 1;
        var p = _malloc(n);
        stringToUTF8(answer, p, n);
        try { _encore_on_http(id, status, p); } finally { _free(p); }
        var times = Module.encoreHttpTimes || (Module.encoreHttpTimes = []);
        if (times.length < 200) times.push({ url: where, arrived: arrived, handled: performance.now() });
    }
    var early = window.encoreEarly;
    var ready = early && init.method === 'GET' && !bearer.length ? early[where] : undefined;
    if (ready) delete early[where];
    (ready || fetch(where, init))
        .then(function (r) { return r.text().then(function (t) { deliver(r.status, t); }); })
        .catch(function (e) { deliver(0, String((e && e.message) || e)); });
});

}  // namespace

namespace web {

void FetchHttpClient::send(HttpRequest request, HttpDone done) {
    int id = g_next_id++;
    g_waiting.emplace(id, std::move(done));
    js_http(id, request.method.c_str(), request.url.c_str(), request.body.c_str(), request.bearer_token.c_str(),
            request.idempotency_key.c_str());
}

}  // namespace web

extern "C" EMSCRIPTEN_KEEPALIVE void encore_on_http(int id, int status, const char* text) {
    auto it = g_waiting.find(id);
    if (it == g_waiting.end()) return;
    web::HttpDone done = std::move(it->second);
    g_waiting.erase(it);
    web::request_redraw();
    done(web::HttpAnswer(status, text ? text : ""));
}
