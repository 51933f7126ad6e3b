// The <input> layer: built and updated from a JSON list of the shown fields; its events call the exports below.
#include "browser/html_fields.hpp"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <string>

#include <nlohmann/json.hpp>

#include "browser/page.hpp"
#include "browser/redraw.hpp"
#include "browser/touch_input.hpp"

namespace {

std::string g_last_sync;  // the list last handed to the page, so an unchanged frame costs nothing
std::string g_answer;     // text returned to JavaScript

EM_JS(void, js_fields_install, (), {
    if (Module['encoreFields']) return;
    var layer = document.createElement('div');
    layer.id = 'encore-fields';
    document.body.appendChild(layer);
    var F = { layer: layer, forms: {}, inputs: {}, submitting: false };
    Module['encoreFields'] = F;
    var digits = function (s) { return s.replace(/[^0-9]/g, "").length; };
    F.form = function (name) {
        var f = F.forms[name];
        if (f) return f;
        f = document.createElement('form');
        f.className = 'encore-form';
        f.setAttribute('data-form', name);
        f.setAttribute('autocomplete', 'on');
        f.noValidate = true;
        f.addEventListener('submit', function (e) {
            e.preventDefault();
            if (!F.submitting) Module.ccall('encore_form_submit', null, ['string'], [name]);
        });
        var button = document.createElement('button');  // lets a keyboard's Go key submit the form
        button.type = 'submit';
        button.tabIndex = -1;
        button.setAttribute('aria-hidden', 'true');
        button.className = 'encore-submit';
        f.appendChild(button);
        layer.appendChild(f);
        F.forms[name] = f;
        return f;
    };
    F.input = function (d) {
        var el = F.inputs[d.id];
        if (!el) {
            el = document.createElement('input');
            el.id = 'encore-field-' + d.id;
            el.className = 'encore-field';
            el.addEventListener('input', function () {
                var before = el.value, caret = el.selectionStart === null ? before.length : el.selectionStart;
                var tidy = Module.ccall('encore_field_input', 'string', ['string', 'string'], [d.id, before]);
                if (tidy === before) return;
                el.value = tidy;
                var at = tidy.length;
                if (el.getAttribute('inputmode') === 'numeric') {  // keep the caret after the same digits
                    var want = digits(before.slice(0, caret)), seen = 0;
                    for (at = 0; at < tidy.length && seen < want; ++at) if (/[0-9]/.test(tidy[at])) ++seen;
                } else {
                    at = Math.min(caret, tidy.length);
                }
                try { el.setSelectionRange(at, at); } catch (e) {}
            });
            el.addEventListener('keydown', function (e) {
                if (e.key !== 'Enter' || e.isComposing) return;
                e.preventDefault();
                var next = Module.ccall('encore_field_enter', 'string', ['string'], [d.id]);
                if (next && F.inputs[next]) { F.inputs[next].focus(); return; }
                if (el.type === 'search' || el.type === 'date') { el.blur(); return; }  // done: the phone's keyboard goes
                var form = el.form;
                if (!next && form && form.requestSubmit) {  // a real submit event, for password managers
                    F.submitting = true;
                    try { form.requestSubmit(); } finally { F.submitting = false; }
                }
            });
            el.addEventListener('focus', function () { Module.ccall('encore_field_focus', null, ['string', 'number'], [d.id, 1]); });
            el.addEventListener('blur', function () { Module.ccall('encore_field_focus', null, ['string', 'number'], [d.id, 0]); });
            F.inputs[d.id] = el;
        }
        var form = F.form(d.form);
        if (el.parentNode !== form) form.insertBefore(el, form.lastChild);
        var attrs = { type: d.type, name: d.name, autocomplete: d.autocomplete, inputmode: d.inputmode, placeholder: d.placeholder,
                      autocapitalize: d.autocapitalize, enterkeyhint: d.enterkeyhint, 'aria-label': d.label, spellcheck: 'false',
                      autocorrect: 'off' };
        for (var k in attrs) if (el.getAttribute(k) !== String(attrs[k])) el.setAttribute(k, attrs[k]);
        if (d.maxlength > 0) el.maxLength = d.maxlength; else el.removeAttribute('maxlength');
        if (d.minlength > 0) el.minLength = d.minlength; else el.removeAttribute('minlength');
        var s = el.style;
        s.left = d.x + 'px'; s.top = d.y + 'px'; s.width = d.w + 'px'; s.height = d.h + 'px';
        s.clipPath = 'inset(' + d.clip.join('px ') + 'px)';
        s.display = d.hidden ? 'none' : "";
        if (el.value !== d.value) el.value = d.value;
    };
    F.sync = function (list) {
        var keep = {};
        list.forEach(function (d) { keep[d.id] = true; F.input(d); });
        Object.keys(F.inputs).forEach(function (id) {
            if (keep[id]) return;
            var el = F.inputs[id];
            if (document.activeElement === el) el.blur();
            el.style.display = 'none';
        });
    };
    // A press on the canvas takes the focus (and the phone's keyboard) away from the fields.
    Module['canvas'].addEventListener('pointerdown', function () {
        var a = document.activeElement;
        if (a && a.classList && a.classList.contains('encore-field')) a.blur();
    }, true);
});

EM_JS(void, js_fields_focus, (const char* id), {
    var el = Module['encoreFields'] && Module['encoreFields'].inputs[UTF8ToString(id)];
    if (el && el.style.display !== 'none') el.focus({ preventScroll: true });
});

EM_JS(void, js_fields_sync, (const char* json), {
    if (Module['encoreFields']) Module['encoreFields'].sync(JSON.parse(UTF8ToString(json)));
});

}  // namespace

namespace web {

void install_html_fields() { js_fields_install(); }

void sync_html_fields(TextFieldsState& fields) {
    nlohmann::json list = nlohmann::json::array();
    for (const ShownField& f : fields.shown) {
        FieldSpec spec = field_spec(f.kind);
        // The input fills the drawn box; clip-path hides what lies outside the field's window.
        float top = f.visible.y - f.box.y, left = f.visible.x - f.box.x;
        float bottom = (f.box.y + f.box.h) - (f.visible.y + f.visible.h), right = (f.box.x + f.box.w) - (f.visible.x + f.visible.w);
        bool hidden = f.visible.w <= 0 || f.visible.h <= 0;
        bool last = true;  // Enter on the form's last field says "go", elsewhere "next"
        for (auto it = fields.shown.rbegin(); it != fields.shown.rend(); ++it)
            if (it->form == f.form) {
                last = it->id == f.id;
                break;
            }
        list.push_back({{"id", f.id}, {"form", f.form}, {"name", f.id}, {"label", f.label}, {"type", spec.type},
                        {"autocomplete", spec.autocomplete}, {"inputmode", spec.inputmode}, {"placeholder", spec.placeholder},
                        {"autocapitalize", spec.autocapitalize}, {"maxlength", spec.max_length}, {"minlength", spec.min_length},
                        {"enterkeyhint", last ? (f.kind == FieldKind::search ? "search" : "go") : "next"},
                        {"x", f.box.x}, {"y", f.box.y}, {"w", f.box.w}, {"h", f.box.h},
                        {"clip", {std::max(0.f, top), std::max(0.f, right), std::max(0.f, bottom), std::max(0.f, left)}},
                        {"hidden", hidden}, {"value", f.value ? *f.value : std::string()}});
    }
    std::string text = list.dump();
    if (text != g_last_sync) {
        g_last_sync = text;
        js_fields_sync(text.c_str());
    }
    if (!fields.focus_wanted.empty()) {  // a form appeared: the keyboard goes to it, but never pops up a phone's
        // A window ImGui sizes to its contents is laid out unseen in its first frame: wait until the field shows.
        auto wanted = std::find_if(fields.shown.begin(), fields.shown.end(), [&](const ShownField& f) { return f.id == fields.focus_wanted; });
        bool showing = wanted != fields.shown.end() && wanted->visible.w > 0 && wanted->visible.h > 0;
        if (showing && !touch_mode()) js_fields_focus(fields.focus_wanted.c_str());
        if (showing || wanted == fields.shown.end()) fields.focus_wanted.clear();
    }
}

}  // namespace web

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* encore_field_input(const char* id, const char* text) {
    g_answer = web::field_typed(web::the_app().page.fields, id ? id : "", text ? text : "");
    g_last_sync.clear();  // the next sync hands the value back as the logic keeps it
    web::request_redraw();
    return g_answer.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* encore_field_enter(const char* id) {
    g_answer = web::field_enter(web::the_app().page.fields, id ? id : "");
    web::request_redraw();
    return g_answer.c_str();
}

EMSCRIPTEN_KEEPALIVE void encore_field_focus(const char* id, int focused) {
    web::field_focus(web::the_app().page.fields, id ? id : "", focused != 0);
    web::request_redraw();
}

EMSCRIPTEN_KEEPALIVE void encore_form_submit(const char* form) {
    web::form_submitted(web::the_app().page.fields, form ? form : "");
    web::request_redraw();
}

}  // extern "C"
