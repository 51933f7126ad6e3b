// The box office's colours as plain RGB (ui/theme turns them into ImGui colours), and the text/background and
// mark/background pairs that must pass WCAG 2.1 AA contrast (tests/web/test_contrast.cpp checks them).
#pragma once
#include <cstdint>
#include <vector>

namespace web {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
};

namespace palette {
inline constexpr Rgb background{15, 17, 23};
inline constexpr Rgb panel{23, 26, 34};
inline constexpr Rgb panel_raised{31, 35, 45};
inline constexpr Rgb map_background{18, 20, 27};
inline constexpr Rgb border{44, 49, 61};
inline constexpr Rgb text{230, 232, 238};
inline constexpr Rgb text_muted{150, 157, 174};
inline constexpr Rgb text_faint{138, 145, 162};          // AA on every panel (was 105,112,128: 3.2:1)
inline constexpr Rgb accent{240, 182, 76};
inline constexpr Rgb on_sale{72, 196, 132};
inline constexpr Rgb not_on_sale{138, 143, 156};
inline constexpr Rgb error{255, 118, 118};
inline constexpr Rgb seat_unavailable{52, 57, 70};
inline constexpr Rgb seat_unavailable_mark{150, 157, 174};  // the cross / dot on a taken seat (was 88,94,110)
inline constexpr Rgb seat_selected{255, 255, 255};
inline constexpr Rgb seat_mark{18, 20, 27};
inline constexpr Rgb focus_ring{255, 255, 255};
inline constexpr Rgb stage_top{92, 64, 36};
inline constexpr Rgb stage_bottom{58, 40, 24};
inline constexpr Rgb stage_text{246, 222, 170};
inline constexpr Rgb field_background{14, 16, 22};
inline constexpr Rgb field_border{110, 118, 138};
inline constexpr Rgb field_placeholder{139, 146, 165};   // index.html's ::placeholder
inline constexpr Rgb locked{168, 122, 232};
}  // namespace palette

struct ContrastPair {
    const char* what;   // "body text on a panel"
    Rgb foreground, background;
    double minimum;     // 4.5 for text, 3 for large text and for marks that tell states apart (WCAG 1.4.11)
};

// Every pair the box office draws that carries meaning.
std::vector<ContrastPair> palette_contrast_pairs();

}  // namespace web
