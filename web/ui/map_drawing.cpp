// Seat glyphs, the wheelchair pictogram and map text, drawn on an ImGui draw list.
#include "ui/map_drawing.hpp"

#include <algorithm>
#include <cmath>

#include "ui/theme.hpp"

namespace web {

namespace {

constexpr float pi = 3.14159265f;

void draw_wheelchair(ImDrawList* dl, ImVec2 c, float s, ImU32 col) {
    float t = std::max(1.0f, s * 0.1f);
    dl->AddCircleFilled(ImVec2(c.x - 0.02f * s, c.y - 0.36f * s), 0.1f * s, col, 12);
    ImVec2 body[] = {ImVec2(c.x - 0.08f * s, c.y - 0.2f * s), ImVec2(c.x - 0.08f * s, c.y + 0.06f * s),
                     ImVec2(c.x + 0.2f * s, c.y + 0.06f * s), ImVec2(c.x + 0.3f * s, c.y + 0.34f * s)};
    dl->AddPolyline(body, 4, col, 0, t);
    dl->PathArcTo(ImVec2(c.x - 0.1f * s, c.y + 0.17f * s), 0.22f * s, -0.1f * pi, 1.45f * pi, 16);
    dl->PathStroke(col, 0, t);
}

}  // namespace

void add_text_centered(ImDrawList* dl, ImFont* font, float size, ImVec2 c, ImU32 col, const char* text,
                       float letter_spacing) {
    if (letter_spacing <= 0) {
        ImVec2 sz = font->CalcTextSizeA(size, FLT_MAX, 0, text);
        dl->AddText(font, size, ImVec2(std::round(c.x - sz.x / 2), std::round(c.y - sz.y / 2)), col, text);
        return;
    }
    // Letter-spaced: one UTF-8 character at a time.
    auto next = [](const char* s) {
        const char* e = s + 1;
        while ((static_cast<unsigned char>(*e) & 0xC0) == 0x80) ++e;
        return e;
    };
    float total = 0;
    for (const char* s = text; *s; s = next(s)) total += font->CalcTextSizeA(size, FLT_MAX, 0, s, next(s)).x + letter_spacing;
    total -= letter_spacing;
    float x = c.x - total / 2, y = c.y - size / 2;
    for (const char* s = text; *s; s = next(s)) {
        dl->AddText(font, size, ImVec2(std::round(x), std::round(y)), col, s, next(s));
        x += font->CalcTextSizeA(size, FLT_MAX, 0, s, next(s)).x + letter_spacing;
    }
}

ImU32 seat_band_color(const AppState& app, std::uint32_t seat) {
    int b = seat < app.seat_band.size() ? app.seat_band[seat] : -1;
    if (b < 0 || !app.catalog) return theme::not_on_sale;
    return theme::color_from_hex(app.catalog->price_bands[static_cast<std::size_t>(b)].color, theme::not_on_sale);
}

SeatLook seat_look(encore::SeatState state) {
    switch (state) {
        case encore::SeatState::open: return SeatLook::available;
        case encore::SeatState::held: return SeatLook::held;
        case encore::SeatState::reserved:
        case encore::SeatState::sold: return SeatLook::sold;
        case encore::SeatState::blocked: return SeatLook::unavailable;
    }
    return SeatLook::unavailable;
}

void draw_taken_seat_glyph(ImDrawList* dl, ImVec2 c, float r, SeatLook look) {
    const ImU32 fill = theme::seat_unavailable, mark = theme::seat_unavailable_mark;
    const float t = std::max(1.0f, r * 0.22f);
    if (look == SeatLook::held) {  // a hollow ring with a dot: someone else's basket, may come free
        dl->AddCircle(c, r - t * 0.5f, mark, 0, t);
        if (r >= theme::px(2.4f)) dl->AddCircleFilled(c, std::max(1.0f, r * 0.28f), mark);
        return;
    }
    dl->AddCircleFilled(c, r, fill);
    if (r < theme::px(2.4f)) return;
    float k = r * 0.5f;
    if (look == SeatLook::sold) {  // a cross
        dl->AddLine(ImVec2(c.x - k, c.y - k), ImVec2(c.x + k, c.y + k), mark, t);
        dl->AddLine(ImVec2(c.x - k, c.y + k), ImVec2(c.x + k, c.y - k), mark, t);
    } else {  // not for sale: a bar
        dl->AddLine(ImVec2(c.x - k * 1.2f, c.y), ImVec2(c.x + k * 1.2f, c.y), mark, t);
    }
}

void draw_seat_glyph(ImDrawList* dl, ImVec2 c, float r, ImU32 band, std::uint8_t attributes, SeatLook look,
                     const char* number) {
    if ((look == SeatLook::sold || look == SeatLook::held || look == SeatLook::unavailable) &&
        !(attributes & encore::seat_wheelchair)) {
        draw_taken_seat_glyph(dl, c, r, look);
        return;
    }
    if (look == SeatLook::sold || look == SeatLook::held) look = SeatLook::unavailable;
    ImU32 fill = band, mark = theme::seat_mark;
    if (look == SeatLook::unavailable) {
        fill = theme::seat_unavailable;
        mark = theme::seat_unavailable_mark;
    } else if (look == SeatLook::selected) {
        fill = theme::seat_selected;
        mark = theme::mix(band, IM_COL32(0, 0, 0, 255), 0.25f);
    } else if (theme::luminance(band) < 0.35f) {
        mark = IM_COL32(255, 255, 255, 225);
    }
    bool wheelchair = attributes & encore::seat_wheelchair;
    if (look == SeatLook::selected) {  // stands out even when zoomed right out
        r = std::max(r, theme::px(3.5f));
        dl->AddCircleFilled(c, r + std::max(theme::px(1.5f), r * 0.35f), theme::with_alpha(band, 0.95f));
    }
    if (wheelchair) {
        float h = r * 1.02f;
        dl->AddRectFilled(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), fill, r * 0.35f);
        if (r >= theme::px(3.5f)) draw_wheelchair(dl, c, h * 1.7f, mark);
        return;
    }
    dl->AddCircleFilled(c, r, fill);
    if (r < theme::px(2.4f)) return;
    bool companion = attributes & encore::seat_companion;
    bool restricted = attributes & encore::seat_restricted_view;
    if (companion) dl->AddCircle(c, r * 0.52f, mark, 0, std::max(1.0f, r * 0.2f));
    if (restricted) {
        float t = companion ? r * 0.3f : r * 0.5f;
        dl->AddTriangleFilled(ImVec2(c.x, c.y - t), ImVec2(c.x + t * 0.95f, c.y + t * 0.72f),
                              ImVec2(c.x - t * 0.95f, c.y + t * 0.72f), mark);
    }
    if (companion || restricted) return;
    if (look == SeatLook::selected && r >= theme::px(4)) {
        ImVec2 check[] = {ImVec2(c.x - r * 0.45f, c.y + r * 0.02f), ImVec2(c.x - r * 0.12f, c.y + r * 0.35f),
                          ImVec2(c.x + r * 0.48f, c.y - r * 0.35f)};
        dl->AddPolyline(check, 3, mark, 0, std::max(1.2f, r * 0.2f));
    } else if (number && look == SeatLook::available) {
        float size = std::min(r * 0.95f, theme::px(13));
        add_text_centered(dl, theme::fonts().bold, size, c, theme::with_alpha(mark, 0.8f), number);
    }
}

void draw_locked_seat_glyph(ImDrawList* dl, ImVec2 c, float r, ImU32 band, SeatLook look, bool kept) {
    if (look == SeatLook::selected) {
        draw_seat_glyph(dl, c, r, band, 0, look);
        return;
    }
    const bool open = look == SeatLook::available;
    ImU32 fill = !open ? theme::seat_unavailable : kept ? theme::locked : band;
    ImU32 edge = !open ? theme::seat_unavailable_mark : kept ? theme::mix(theme::locked, IM_COL32_WHITE, 0.4f) : theme::locked;
    float h = r * 1.22f;  // a diamond: the seat's circle turned into a lozenge, so the block reads by shape too
    ImVec2 pts[] = {ImVec2(c.x, c.y - h), ImVec2(c.x + h, c.y), ImVec2(c.x, c.y + h), ImVec2(c.x - h, c.y)};
    dl->AddConvexPolyFilled(pts, 4, fill);
    if (r >= theme::px(2.4f)) dl->AddPolyline(pts, 4, edge, ImDrawFlags_Closed, std::max(1.0f, r * 0.18f));
    if (r < theme::px(4)) return;
    // A padlock: a body and its shackle.
    ImU32 mark = open && !kept && theme::luminance(band) > 0.35f ? theme::seat_mark : IM_COL32(255, 255, 255, 225);
    if (!open) mark = theme::seat_unavailable_mark;
    float bw = r * 0.42f, bh = r * 0.34f;
    dl->AddRectFilled(ImVec2(c.x - bw, c.y - bh * 0.2f), ImVec2(c.x + bw, c.y + bh * 1.6f), mark, r * 0.08f);
    dl->PathArcTo(ImVec2(c.x, c.y - bh * 0.2f), bw * 0.62f, 3.14159265f, 2 * 3.14159265f, 10);
    dl->PathStroke(mark, 0, std::max(1.0f, r * 0.14f));
}

}  // namespace web
