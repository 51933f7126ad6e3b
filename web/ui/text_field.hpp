// A text field as the panels draw it: its label, and a visible box where the page's real <input> goes
// (logic/text_fields.hpp, browser/html_fields): the box is declared to the page every frame it is drawn.
#pragma once
#include <string>

#include "logic/app_state.hpp"
#include "logic/text_fields.hpp"

namespace web {

// Draws `label` (if any; "##Search" names the field without drawing it) and the field's box `width` wide (-1: the rest of the line), and declares the field
// `id` of form `form`, bound to `value`. The box's rectangle is remembered under `id` for the browser tests.
void text_field(AppState& app, const char* id, const char* form, const char* label, FieldKind kind, std::string& value,
                float width = -1);
// The same for a field of a form that takes the keyboard when it appears (sign-in, card; not the search).
void focused_text_field(AppState& app, const char* id, const char* form, const char* label, FieldKind kind, std::string& value,
                        float width = -1);

}  // namespace web
