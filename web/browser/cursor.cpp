// Sets canvas.style.cursor when it changes.
#include "browser/cursor.hpp"

#include <emscripten/emscripten.h>

namespace {

EM_JS(void, js_set_cursor, (const char* name), {
    var c = UTF8ToString(name);
    if (Module['canvas'].style.cursor !== c) Module['canvas'].style.cursor = c;
});

}  // namespace

namespace web {

void set_canvas_cursor(const char* css_cursor) { js_set_cursor(css_cursor); }

}  // namespace web
