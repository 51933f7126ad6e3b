// The seat map as a list a screen reader steps through: the sections, then one section's rows, then one row's
// seats (each with band, price, state and marks; pressed when in the basket), plus the basket's Checkout; from
// the sections, the performance shown and the list of performances to choose another.
// The page draws it with real buttons (browser/map_access) and hands the chosen item's id back here.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace web {

struct AppState;

struct StepItem {
    std::string id;     // "section:2", "row:2:G", "seat:41", "back", "checkout", "performances", "instance:<id>"
    std::string label;  // what the button says
    bool pressed = false;   // a seat in the basket
    bool current = false;   // the keyboard's seat, or the performance shown
};

struct StepList {
    std::string heading;  // "Sections", "Stalls: rows", "Stalls, row G: seats", "Performances"
    std::vector<StepItem> items;
};

// The list at its current level for the map shown (empty without a plan).
StepList step_list(const AppState& app);
// A button of the list was pressed: go down a level, back up, choose or drop a seat (and make it the keyboard's
// seat), open the checkout, or show another performance.
void step_choose(AppState& app, std::string_view id);

}  // namespace web
