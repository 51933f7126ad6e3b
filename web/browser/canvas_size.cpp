// Keeps the canvas backing store equal to CSS size × devicePixelRatio (GLFW follows via Browser.setCanvasSize).
#include "browser/canvas_size.hpp"

#include <cmath>

#include <emscripten/emscripten.h>

namespace {

// out[0..2] = CSS width, CSS height, devicePixelRatio of the page's canvas.
EM_JS(void, js_canvas_metrics, (double* out), {
    var c = Module['canvas'];
    var r = c.getBoundingClientRect();
    HEAPF64[(out >> 3) + 0] = r.width || window.innerWidth;
    HEAPF64[(out >> 3) + 1] = r.height || window.innerHeight;
    HEAPF64[(out >> 3) + 2] = window.devicePixelRatio || 1;
});

// Sets the backing store; Browser.setCanvasSize also tells GLFW (window and framebuffer size).
EM_JS(void, js_set_backing_size, (int w, int h), {
    var c = Module['canvas'];
    if (c.width === w && c.height === h) return;
    if (Module['setCanvasSize']) Module['setCanvasSize'](w, h); else { c.width = w; c.height = h; }
});

web::CanvasSize g_size;

}  // namespace

namespace web {

const CanvasSize& follow_canvas_size() {
    double m[3] = {0, 0, 1};
    js_canvas_metrics(m);
    double dpr = m[2] > 0 ? m[2] : 1;
    g_size.dpr_changed = dpr != g_size.dpr || g_size.width == 0;
    g_size.css_width = m[0] > 1 ? m[0] : 1;
    g_size.css_height = m[1] > 1 ? m[1] : 1;
    g_size.dpr = dpr;
    int w = static_cast<int>(std::lround(g_size.css_width * dpr));
    int h = static_cast<int>(std::lround(g_size.css_height * dpr));
    g_size.resized = w != g_size.width || h != g_size.height;
    js_set_backing_size(w, h);
    g_size.width = w;
    g_size.height = h;
    return g_size;
}

const CanvasSize& canvas_size() { return g_size; }

}  // namespace web
