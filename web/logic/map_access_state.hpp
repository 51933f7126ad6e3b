// What the keyboard and screen-reader access to the seat map keeps: the focused seat and on which map, the
// live region's latest sentence, the basket as last announced, and where the step-through list stands.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace web {

enum class StepLevel { performances, sections, rows, seats };

struct MapAccessState {
    std::optional<std::uint32_t> seat;  // the keyboard's seat (drawn with a focus ring), on map `map`
    std::string map;                    // map_key of the map it belongs to
    bool map_has_focus = false;         // the page's map element has the keyboard

    std::string announcement;           // the live region's text
    int announcement_serial = 0;        // grows with every announcement, even of the same words

    bool basket_known = false;          // false until the first look at the basket (nothing is announced then)
    std::vector<std::string> held;      // "<instance>|<seat id>" of the picks held at the last look
    std::vector<std::string> picked;    // ... and of every pick, held or not

    StepLevel level = StepLevel::sections;  // the step-through list: sections -> rows of one -> seats of one row
                                            // (and, from the sections, the performances to choose from)
    std::uint32_t section = 0;
    std::string row;
};

}  // namespace web
