// window.localStorage.getItem / setItem / removeItem; failures (private modes, blocked storage) are ignored.
#include "browser/local_storage.hpp"

#include <emscripten/emscripten.h>

#include <cstdlib>

namespace {

EM_JS(char*, js_storage_get, (const char* key), {
    var v = null;
    try { v = window.localStorage.getItem(UTF8ToString(key)); } catch (e) { v = null; }
    if (v === null) return 0;
    var n = lengthBytesUTF8(v) + 1, p = _malloc(n);
    stringToUTF8(v, p, n);
    return p;
});

EM_JS(void, js_storage_set, (const char* key, const char* value), {
    try {
        var v = UTF8ToString(value);
        if (v.length) window.localStorage.setItem(UTF8ToString(key), v);
        else window.localStorage.removeItem(UTF8ToString(key));
    } catch (e) {}
});

}  // namespace

namespace web {

std::optional<std::string> LocalStorage::get(const std::string& key) {
    char* stored = js_storage_get(key.c_str());
    if (!stored) return std::nullopt;
    std::string value = stored;
    std::free(stored);
    return value;
}

void LocalStorage::set(const std::string& key, const std::string& value) { js_storage_set(key.c_str(), value.c_str()); }

}  // namespace web
