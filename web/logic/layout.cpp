// Splits the canvas into top bar, performance list, map header, map and selection/legend panel.
#include "logic/layout.hpp"

#include <algorithm>

namespace web {

Layout compute_layout(const CanvasSize& size, bool top_bar) {
    const float d = static_cast<float>(size.dpr);
    const float W = static_cast<float>(size.width), H = static_cast<float>(size.height);
    const float css_w = static_cast<float>(size.css_width), css_h = static_cast<float>(size.css_height);
    Layout L;
    // A landscape tablet (1024 x 768) has room for the basket beside the map: wide from 960 px when landscape.
    const bool landscape_tablet = css_w >= 960 && css_w > css_h;
    L.kind = css_w >= 1100 || landscape_tablet ? LayoutKind::wide : css_w >= 760 ? LayoutKind::medium : LayoutKind::narrow;
    const float top = top_bar ? 52 * d : 0;
    L.top_bar = {0, 0, W, top};
    if (L.kind == LayoutKind::wide) {
        const float left = std::clamp(css_w * 0.23f, css_w < 1100 ? 250.f : 280.f, 340.f) * d;
        const float right = std::clamp(css_w * 0.24f, css_w < 1100 ? 290.f : 300.f, 360.f) * d;
        L.events = {0, top, left, H - top};
        L.side = {W - right, top, right, H - top};
        L.header = {left, top, W - left - right, 68 * d};
        L.map = {left, top + L.header.h, W - left - right, H - top - L.header.h};
    } else if (L.kind == LayoutKind::medium) {
        const float left = 270 * d;
        // The basket below the map: taller on a tall (portrait tablet) window, so several seats show.
        const float bottom = std::min(std::clamp((H - top) * 0.32f, 210 * d, 320 * d), (H - top) * 0.45f);
        L.events = {0, top, left, H - top};
        L.header = {left, top, W - left, 68 * d};
        L.side = {left, H - bottom, W - left, bottom};
        L.map = {left, top + L.header.h, W - left, H - top - L.header.h - bottom};
    } else {
        const float pickers = 146 * d;  // the search and date row, then the event and performance pickers
        const float bottom = std::min(250 * d, (H - top - pickers) * 0.42f);
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
