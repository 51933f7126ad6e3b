// Splits the canvas into top bar, performance list, map header, map and selection/legend panel.
#include "logic/layout.hpp"

#include <algorithm>

namespace web {

Layout compute_layout(const CanvasSize& size) {
    const float d = static_cast<float>(size.dpr);
    const float W = static_cast<float>(size.width), H = static_cast<float>(size.height);
    const float css_w = static_cast<float>(size.css_width);
    Layout L;
    L.kind = css_w >= 1100 ? LayoutKind::wide : css_w >= 760 ? LayoutKind::medium : LayoutKind::narrow;
    const float top = 52 * d;
    L.top_bar = {0, 0, W, top};
    if (L.kind == LayoutKind::wide) {
        const float left = std::clamp(css_w * 0.23f, 280.f, 340.f) * d;
        const float right = std::clamp(css_w * 0.24f, 300.f, 360.f) * d;
        L.events = {0, top, left, H - top};
        L.side = {W - right, top, right, H - top};
        L.header = {left, top, W - left - right, 68 * d};
        L.map = {left, top + L.header.h, W - left - right, H - top - L.header.h};
    } else if (L.kind == LayoutKind::medium) {
        const float left = 270 * d;
        const float bottom = std::min(210 * d, (H - top) * 0.35f);
        L.events = {0, top, left, H - top};
        L.header = {left, top, W - left, 68 * d};
        L.side = {left, H - bottom, W - left, bottom};
        L.map = {left, top + L.header.h, W - left, H - top - L.header.h - bottom};
    } else {
        const float pickers = 96 * d;
        const float bottom = std::min(230 * d, (H - top - pickers) * 0.4f);
        L.events = {0, top, W, pickers};
        L.header = {0, top + pickers, W, 70 * d};
        L.side = {0, H - bottom, W, bottom};
        L.map = {0, L.header.y + L.header.h, W, L.side.y - (L.header.y + L.header.h)};
    }
    L.map.h = std::max(L.map.h, 1.f);
    L.map.w = std::max(L.map.w, 1.f);
    return L;
}

}  // namespace web
