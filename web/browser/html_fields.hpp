// Real <input> elements over the canvas for the text fields the UI declared (logic/text_fields.hpp): one <form>
// per form name, each input with its type, autocomplete, inputmode and placeholder, placed in the box the UI
// drew and clipped to its window. Typing, Enter, focus and submit come back through the encore_field_* exports.
#pragma once
#include "logic/text_fields.hpp"

namespace web {

// Once at start: the layer that holds the forms.
void install_html_fields();
// After each drawn frame: shows, moves, updates and hides inputs to match `fields.shown`, and gives the keyboard
// to a form that just appeared (not on touch screens, where that would pop the keyboard up uninvited).
void sync_html_fields(TextFieldsState& fields);

}  // namespace web

// Called from the page's inputs. Each returns at once; the text returned stays valid until the next call.
extern "C" {
// Typed, pasted or autofilled: returns the tidied text the input must show.
const char* encore_field_input(const char* id, const char* text);
// Enter: the id of the field to move to, or "" when the form was submitted.
const char* encore_field_enter(const char* id);
void encore_field_focus(const char* id, int focused);
// The page's own submit of a form (e.g. a password manager or a keyboard's Go key without Enter).
void encore_form_submit(const char* form);
}
