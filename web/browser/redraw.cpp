// Decides per animation frame whether to draw; input and answers keep a short burst of frames going.
#include "browser/redraw.hpp"

#include <emscripten/emscripten.h>

namespace {

constexpr int frames_after_change = 8;     // ImGui settles hover/active state within a couple of frames
constexpr double heartbeat_ms = 1000;      // clock-driven text (on-sale status) stays fresh
int g_pending = frames_after_change;
double g_last_draw_ms = 0;

EM_JS(void, js_install_wakers, (), {
    Module['encoreWake'] = 1;
    var wake = function () { Module['encoreWake'] = 1; };
    ['mousemove', 'mousedown', 'mouseup', 'wheel', 'keydown', 'keyup', 'touchstart', 'touchmove', 'touchend',
     'touchcancel', 'resize', 'focus', 'blur', 'visibilitychange'].forEach(function (t) {
        window.addEventListener(t, wake, { capture: true, passive: true });
    });
});

EM_JS(int, js_take_wake, (), {
    var w = Module['encoreWake'];
    Module['encoreWake'] = 0;
    return w ? 1 : 0;
});

}  // namespace

namespace web {

void install_redraw_wakers() { js_install_wakers(); }

void request_redraw() { g_pending = frames_after_change; }

bool should_draw(double now_ms) {
    if (js_take_wake()) g_pending = frames_after_change;
    if (g_pending > 0 || now_ms - g_last_draw_ms >= heartbeat_ms) {
        if (g_pending > 0) --g_pending;
        g_last_draw_ms = now_ms;
        return true;
    }
    return false;
}

}  // namespace web
