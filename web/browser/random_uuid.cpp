// A UUID v4 written by JavaScript from 16 random bytes.
#include "browser/random_uuid.hpp"

#include <emscripten/emscripten.h>

namespace {

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

std::string random_uuid() {
    char buf[40] = {};
    js_random_uuid(buf, sizeof buf);
    return buf;
}

}  // namespace web
