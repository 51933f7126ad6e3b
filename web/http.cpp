// fetch() for JSON API calls: each request gets an id; its callback waits in a table until JavaScript
// hands the answer back through the exported encore_on_http.
#include "http.hpp"

#include <emscripten/emscripten.h>

#include <unordered_map>

#include "app_state.hpp"
#include "redraw.hpp"

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
    function deliver(status, answer) {
        var n = lengthBytesUTF8(answer) + 1;
        var p = _malloc(n);
        stringToUTF8(answer, p, n);
        try { _encore_on_http(id, status, p); } finally { _free(p); }
    }
    fetch(UTF8ToString(url), init)
        .then(function (r) { return r.text().then(function (t) { deliver(r.status, t); }); })
        .catch(function (e) { deliver(0, String((e && e.message) || e)); });
});

EM_JS(void, js_uri_encode, (const char* text, char* out, int out_size), {
    stringToUTF8(encodeURIComponent(UTF8ToString(text)), out, out_size);
});

EM_JS(void, js_random_uuid, (char* out, int out_size), {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    stringToUTF8(h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20), out, out_size);
});

}  // namespace

namespace web {

std::string HttpAnswer::code() const {
    return json.is_object() && json.contains("code") && json["code"].is_string() ? json["code"].get<std::string>() : "";
}

void http_send(const char* method, const std::string& url, const std::string& body, HttpDone done,
               const std::string& idempotency_key) {
    int id = g_next_id++;
    g_waiting.emplace(id, std::move(done));
    js_http(id, method, url.c_str(), body.c_str(), the_app().account.token.c_str(), idempotency_key.c_str());
}

std::string uri_component(const std::string& text) {
    std::string buf(text.size() * 3 + 1, '\0');
    js_uri_encode(text.c_str(), buf.data(), static_cast<int>(buf.size()));
    buf.resize(std::char_traits<char>::length(buf.c_str()));
    return buf;
}

std::string random_uuid() {
    char buf[40] = {};
    js_random_uuid(buf, sizeof buf);
    return buf;
}

}  // namespace web

extern "C" EMSCRIPTEN_KEEPALIVE void encore_on_http(int id, int status, const char* text) {
    auto it = g_waiting.find(id);
    if (it == g_waiting.end()) return;
    web::HttpDone done = std::move(it->second);
    g_waiting.erase(it);
    web::HttpAnswer answer;
    answer.status = status;
    answer.body = text ? text : "";
    if (status != 0) answer.json = nlohmann::json::parse(answer.body, nullptr, /*allow_exceptions=*/false);
    web::request_redraw();
    done(answer);
}
