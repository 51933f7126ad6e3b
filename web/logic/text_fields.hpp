// Text entry through real HTML inputs placed over the canvas, so phones show their keyboards and paste,
// autofill and password managers work. Each drawn frame the UI declares the fields it shows (where it drew
// each box, which form, which string holds the value); web/browser/html_fields puts an <input> with the right
// type, autocomplete and inputmode there, and hands typing, Enter and focus back through the functions below.
#pragma once
#include <string>
#include <vector>

#include "logic/layout.hpp"

namespace web {

enum class FieldKind { email, current_password, new_password, person_name, card_number, card_expiry, card_cvc, search, date, pass_code };

// The HTML attributes of a kind of field.
struct FieldSpec {
    const char* type = "text";           // <input type>
    const char* autocomplete = "off";    // autofill / password-manager hint
    const char* inputmode = "text";      // which on-screen keyboard
    const char* placeholder = "";
    const char* autocapitalize = "off";
    int max_length = 0;                  // 0: none
    int min_length = 0;                  // 0: none
};
FieldSpec field_spec(FieldKind kind);

// One field as the UI drew it this frame. Rectangles are in CSS pixels.
struct ShownField {
    std::string id;         // unique on the page and stable: "email", "card_number", "search"
    std::string form;       // the <form> it is part of: "sign_in", "card", "events"
    std::string label;      // its accessible name
    FieldKind kind = FieldKind::search;
    std::string* value = nullptr;  // the state that holds what is typed (lives as long as the page)
    Rect box;               // where the UI drew the field's box
    Rect visible;           // the part of it inside its window (the rest is clipped); w or h 0: hidden
    bool focus_on_appear = false;  // when its form appears, the keyboard goes to its first empty such field
};

struct TextFieldsState {
    std::vector<ShownField> drawing;  // declared during the frame being drawn
    std::vector<ShownField> shown;    // the last drawn frame's: what the page shows
    std::string focused;              // the field with the keyboard focus, "" for none
    std::vector<std::string> submitted;  // forms submitted from the keyboard (Enter), oldest first
    std::string focus_wanted;         // a form just appeared: the field to give the keyboard (desktop only)
};

void begin_fields_frame(TextFieldsState& fields);
// The UI drew `field` this frame (a field declared twice keeps the last declaration).
void show_field(TextFieldsState& fields, ShownField field);
// The frame is drawn: its fields become the ones the page shows. A form that was not shown before asks for the
// focus on its first empty focus_on_appear field (focus_wanted).
void end_fields_frame(TextFieldsState& fields);

// The customer typed (or pasted, or autofill filled) `text` into field `id`: the value is tidied for its kind
// (card numbers grouped in fours, "MM/YY", digits only for a CVC, length limits) and stored; returns the text
// the input must now show. Unknown field: `text` unchanged.
std::string field_typed(TextFieldsState& fields, const std::string& id, const std::string& text);
// Enter in field `id`: the id of the next empty field of its form to move to, or "" when the form is submitted
// (it is then in `submitted`). In a search or date field Enter always submits (it filters as you type).
std::string field_enter(TextFieldsState& fields, const std::string& id);
void field_focus(TextFieldsState& fields, const std::string& id, bool focused);
// True once for each keyboard submission of `form` (Enter, or the page's form submit).
bool take_submitted(TextFieldsState& fields, const std::string& form);
void form_submitted(TextFieldsState& fields, const std::string& form);

// "4242424242424242" -> "4242 4242 4242 4242" (American Express, 34/37: 4-6-5); digits only, at most 19.
std::string grouped_card_number(const std::string& typed);
// "1230" -> "12/30", "4" -> "04", "1/2" -> "01/2"; digits and one slash, month at most 12.
std::string tidy_card_expiry(const std::string& typed);

}  // namespace web
