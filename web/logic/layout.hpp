// Where each part of the page goes, in backing-store pixels, for wide, medium and narrow windows.
#pragma once

namespace web {

// The canvas as measured in the browser (web/browser/canvas_size): CSS size × devicePixelRatio = backing store.
struct CanvasSize {
    double css_width = 0, css_height = 0;  // CSS pixels
    double dpr = 1;                        // device pixels per CSS pixel
    int width = 0, height = 0;             // backing-store pixels
    bool dpr_changed = false;              // this frame: fonts and style must be rebuilt
    bool resized = false;                  // this frame: the backing store changed (and was cleared)
};

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
};

enum class LayoutKind {
    wide,    // performances left, map centre, selection + legend right
    medium,  // performances left, map centre, selection + legend below the map
    narrow,  // performance pickers on top, map, selection + legend at the bottom
};

struct Layout {
    LayoutKind kind = LayoutKind::wide;
    Rect top_bar;  // brand and season
    Rect events;   // events and performances
    Rect header;   // the chosen performance's title and status, above the map
    Rect map;      // the seat map
    Rect side;     // selection and legend
};

// `top_bar` false: no top bar (embedded on a venue's page, which has its own); everything moves up.
Layout compute_layout(const CanvasSize& size, bool top_bar = true);

}  // namespace web
