// The fields the UI shows, what each kind of field looks like to the browser, and typing tidied per kind.
#include "logic/text_fields.hpp"

#include <algorithm>
#include <cctype>

namespace web {

namespace {

std::string digits_of(const std::string& text, std::size_t at_most) {
    std::string out;
    for (char c : text)
        if (std::isdigit(static_cast<unsigned char>(c)) && out.size() < at_most) out += c;
    return out;
}

ShownField* find(std::vector<ShownField>& fields, const std::string& id) {
    for (ShownField& f : fields)
        if (f.id == id) return &f;
    return nullptr;
}

std::string tidy(FieldKind kind, const std::string& text) {
    switch (kind) {
        case FieldKind::card_number: return grouped_card_number(text);
        case FieldKind::card_expiry: return tidy_card_expiry(text);
        case FieldKind::card_cvc: return digits_of(text, 4);
        case FieldKind::email: {  // no spaces in an address (autofill sometimes adds a trailing one)
            std::string out;
            for (char c : text)
                if (c != ' ' && c != '\t' && c != '\n') out += c;
            return out;
        }
        case FieldKind::pass_code: {  // a code read from paper: no spaces, capitals as issued
            std::string out;
            for (char c : text)
                if (c != ' ' && c != '\t' && c != '\n') out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
            return out.size() > 48 ? out.substr(0, 48) : out;
        }
        default: break;
    }
    std::size_t limit = static_cast<std::size_t>(field_spec(kind).max_length);
    return limit && text.size() > limit ? text.substr(0, limit) : text;
}

}  // namespace

FieldSpec field_spec(FieldKind kind) {
    switch (kind) {
        case FieldKind::email: return {"email", "email", "email", "you@example.org", "off", 254, 0};
        case FieldKind::current_password: return {"password", "current-password", "text", "", "off", 1024, 0};
        case FieldKind::new_password: return {"password", "new-password", "text", "8 characters or more", "off", 1024, 8};
        case FieldKind::person_name: return {"text", "name", "text", "", "words", 200, 0};
        case FieldKind::card_number: return {"text", "cc-number", "numeric", "1234 1234 1234 1234", "off", 23, 0};
        case FieldKind::card_expiry: return {"text", "cc-exp", "numeric", "MM/YY", "off", 5, 0};
        case FieldKind::card_cvc: return {"text", "cc-csc", "numeric", "123", "off", 4, 0};
        case FieldKind::search: return {"search", "off", "search", "Search plays and concerts", "off", 100, 0};
        case FieldKind::date: return {"date", "off", "text", "", "off", 10, 0};
        case FieldKind::pass_code: return {"text", "off", "text", "Pass code", "characters", 48, 0};
    }
    return {};
}

void begin_fields_frame(TextFieldsState& fields) { fields.drawing.clear(); }

void show_field(TextFieldsState& fields, ShownField field) {
    if (ShownField* same = find(fields.drawing, field.id)) *same = std::move(field);
    else fields.drawing.push_back(std::move(field));
}

void end_fields_frame(TextFieldsState& fields) {
    for (const ShownField& f : fields.drawing) {
        bool form_was_shown = std::any_of(fields.shown.begin(), fields.shown.end(), [&](const ShownField& o) { return o.form == f.form; });
        if (!form_was_shown && f.focus_on_appear && f.value && f.value->empty() && fields.focus_wanted.empty())
            fields.focus_wanted = f.id;
    }
    fields.shown = fields.drawing;
    if (!fields.focused.empty() && !find(fields.shown, fields.focused)) fields.focused.clear();
}

std::string field_typed(TextFieldsState& fields, const std::string& id, const std::string& text) {
    ShownField* field = find(fields.shown, id);
    if (!field || !field->value) return text;
    *field->value = tidy(field->kind, text);
    return *field->value;
}

std::string field_enter(TextFieldsState& fields, const std::string& id) {
    ShownField* field = find(fields.shown, id);
    if (!field) return "";
    const std::string form = field->form;
    if (field->kind == FieldKind::search || field->kind == FieldKind::date) {  // a filter: Enter means "done"
        form_submitted(fields, form);
        return "";
    }
    // The next field of the form after this one that is still empty, else the first empty one before it.
    std::vector<const ShownField*> same;
    for (const ShownField& f : fields.shown)
        if (f.form == form) same.push_back(&f);
    auto at = std::find_if(same.begin(), same.end(), [&](const ShownField* f) { return f->id == id; });
    std::size_t here = static_cast<std::size_t>(at - same.begin());
    for (std::size_t step = 1; step < same.size(); ++step) {
        const ShownField* next = same[(here + step) % same.size()];
        if (next->value && next->value->empty()) return next->id;
    }
    form_submitted(fields, form);
    return "";
}

void field_focus(TextFieldsState& fields, const std::string& id, bool focused) {
    if (focused) fields.focused = id;
    else if (fields.focused == id) fields.focused.clear();
}

void form_submitted(TextFieldsState& fields, const std::string& form) { fields.submitted.push_back(form); }

bool take_submitted(TextFieldsState& fields, const std::string& form) {
    auto it = std::find(fields.submitted.begin(), fields.submitted.end(), form);
    if (it == fields.submitted.end()) return false;
    fields.submitted.erase(it);
    return true;
}

std::string grouped_card_number(const std::string& typed) {
    std::string digits = digits_of(typed, 19);
    bool amex = digits.size() >= 2 && digits[0] == '3' && (digits[1] == '4' || digits[1] == '7');
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        bool gap = amex ? (i == 4 || i == 10) : (i > 0 && i % 4 == 0);
        if (gap) out += ' ';
        out += digits[i];
    }
    return out;
}

std::string tidy_card_expiry(const std::string& typed) {
    std::string month, year;
    std::size_t slash = typed.find('/');
    if (slash != std::string::npos) {
        month = digits_of(typed.substr(0, slash), 2);
        year = digits_of(typed.substr(slash + 1), 2);
        if (month.size() == 1) month = "0" + month;
    } else {
        std::string digits = digits_of(typed, 4);
        if (!digits.empty() && digits[0] > '1') digits = "0" + digits.substr(0, 3);
        month = digits.substr(0, std::min<std::size_t>(2, digits.size()));
        year = digits.size() > 2 ? digits.substr(2) : "";
    }
    if (month.size() == 2 && (month > "12" || month == "00")) month = month.substr(0, 1);
    if (month.empty()) return "";
    if (month.size() == 1) return month;
    return slash != std::string::npos || !year.empty() ? month + "/" + year : month;
}

}  // namespace web
