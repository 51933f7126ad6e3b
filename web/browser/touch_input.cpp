// Touch handling: tracks fingers on the canvas, turns one finger into the mouse, derives pinches.
#include "browser/touch_input.hpp"

#include <cfloat>
#include <cmath>
#include <vector>

#include <emscripten/html5.h>

#include "browser/canvas_size.hpp"

namespace {

struct Finger {
    long id;
    double x, y;  // backing-store pixels
};

std::vector<Finger> g_fingers;
bool g_touch_mode = false;
bool g_press_latched = false;    // a finger went down since the last frame (taps shorter than a frame count)
bool g_gesture_was_pinch = false;  // two fingers were down during this gesture: no tap, no drag
int g_frames_since_release = 0;
double g_last_x = -FLT_MAX, g_last_y = -FLT_MAX;
bool g_prev_pinch_valid = false;
double g_prev_cx = 0, g_prev_cy = 0, g_prev_dist = 0;
web::Pinch g_pinch;

Finger* find_finger(long id) {
    for (Finger& f : g_fingers)
        if (f.id == id) return &f;
    return nullptr;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    double dpr = web::canvas_size().dpr;
    g_touch_mode = true;
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (!t.isChanged) continue;
        double x = static_cast<double>(t.targetX) * dpr, y = static_cast<double>(t.targetY) * dpr;
        if (type == EMSCRIPTEN_EVENT_TOUCHSTART) {
            if (!find_finger(t.identifier)) g_fingers.push_back({t.identifier, x, y});
            if (g_fingers.size() == 1) {
                g_press_latched = true;
                g_gesture_was_pinch = false;
            }
        } else if (type == EMSCRIPTEN_EVENT_TOUCHMOVE) {
            if (Finger* f = find_finger(t.identifier)) f->x = x, f->y = y;
        } else {  // end or cancel
            for (std::size_t k = 0; k < g_fingers.size(); ++k)
                if (g_fingers[k].id == t.identifier) {
                    g_fingers.erase(g_fingers.begin() + static_cast<long>(k));
                    break;
                }
            if (g_fingers.empty()) g_frames_since_release = 0;
        }
        if (!g_fingers.empty()) g_last_x = g_fingers.front().x, g_last_y = g_fingers.front().y;
    }
    if (g_fingers.size() >= 2) g_gesture_was_pinch = true;
    return EM_TRUE;  // no page scroll/zoom and no emulated mouse events
}

}  // namespace

namespace web {

void install_touch_handlers() {
    emscripten_set_touchstart_callback("#canvas", nullptr, EM_TRUE, on_touch);
    emscripten_set_touchmove_callback("#canvas", nullptr, EM_TRUE, on_touch);
    emscripten_set_touchend_callback("#canvas", nullptr, EM_TRUE, on_touch);
    emscripten_set_touchcancel_callback("#canvas", nullptr, EM_TRUE, on_touch);
}

void note_mouse_moved() {
    if (g_fingers.empty()) g_touch_mode = false;
}

std::optional<TouchMouse> touch_mouse_for_frame() {
    g_pinch = Pinch{};
    if (!g_touch_mode) {
        g_prev_pinch_valid = false;
        return std::nullopt;
    }
    if (g_fingers.size() >= 2) {
        const Finger& a = g_fingers[0];
        const Finger& b = g_fingers[1];
        double cx = (a.x + b.x) / 2, cy = (a.y + b.y) / 2;
        double dist = std::hypot(a.x - b.x, a.y - b.y);
        if (g_prev_pinch_valid && g_prev_dist > 1) {
            g_pinch.active = true;
            g_pinch.center_x = cx, g_pinch.center_y = cy;
            g_pinch.scale = dist > 1 ? dist / g_prev_dist : 1;
            g_pinch.dx = cx - g_prev_cx, g_pinch.dy = cy - g_prev_cy;
        }
        g_prev_pinch_valid = true;
        g_prev_cx = cx, g_prev_cy = cy, g_prev_dist = dist;
        g_press_latched = false;
        return TouchMouse{.x = cx, .y = cy, .down = false, .release_other_buttons = false};
    }
    g_prev_pinch_valid = false;
    TouchMouse mouse;
    if (g_fingers.size() == 1 && !g_gesture_was_pinch) {
        mouse = {.x = g_fingers[0].x, .y = g_fingers[0].y, .down = true};
    } else if (g_fingers.empty() && g_press_latched && !g_gesture_was_pinch) {
        mouse = {.x = g_last_x, .y = g_last_y, .down = true};  // a tap within one frame
    } else if (g_fingers.empty() && g_frames_since_release++ < 1) {
        mouse = {.x = g_last_x, .y = g_last_y, .down = false};  // release where it ended
    } else {
        mouse = {.x = -FLT_MAX, .y = -FLT_MAX, .down = false};  // no hover after the finger has gone
    }
    g_press_latched = false;
    return mouse;
}

const Pinch& pinch() { return g_pinch; }

bool touch_mode() { return g_touch_mode; }

}  // namespace web
