// The seat map's real HTML for keyboards and screen readers: a focusable map element that takes the map's keys,
// the step-through list of buttons (logic/step_through), and an ARIA live region (logic/map_announcements).
#pragma once
#include "logic/app_state.hpp"

namespace web {

// Once at start: the elements, before the canvas in the page's Tab order, and Escape for the whole page.
void install_map_access();
// After each frame: the live region's words and the step-through list follow the logic's state.
void sync_map_access(AppState& app);

}  // namespace web

// Called from the page's elements.
extern "C" {
// A key on the map element (KeyboardEvent.key): 1 when the map used it.
int encore_map_key(const char* key);
// The map element took (1) or lost (0) the keyboard.
void encore_map_focus(int focused);
// Escape anywhere on the page: 2 when the checkout closed (the keyboard goes back to the map), 1 when something
// else closed or the focus cleared, 0 when nothing happened.
int encore_escape();
// A button of the step-through list.
void encore_step_choose(const char* id);
// {"focused_seat","announcement","serial","map_has_focus","steps":{"heading","items":[...]}} for the tests.
const char* encore_access_json();
}
