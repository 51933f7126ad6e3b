// Accumulates html5 wheel events between drawn frames.
#include "browser/wheel_input.hpp"

#include <emscripten/html5.h>

namespace {

web::WheelNotches g_turned;

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    double unit = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
    g_turned.vertical += static_cast<float>(-e->deltaY / unit);
    g_turned.horizontal += static_cast<float>(-e->deltaX / unit);
    return EM_TRUE;  // the page itself never scrolls
}

}  // namespace

namespace web {

void install_wheel_handler() { emscripten_set_wheel_callback("#canvas", nullptr, EM_TRUE, on_wheel); }

WheelNotches take_wheel_notches() {
    WheelNotches turned = g_turned;
    g_turned = {};
    return turned;
}

}  // namespace web
