// HTML text fields: each kind's type/autocomplete/inputmode, the fields a frame shows, typing tidied per kind
// (card numbers grouped, MM/YY), Enter moving to the next empty field or submitting the form; and the sign-in
// form sending what was typed.
#include <catch2/catch.hpp>

#include <cstring>

#include "logic/account_client.hpp"
#include "logic/sign_in_form.hpp"
#include "logic/text_fields.hpp"
#include "web_client_fixture.hpp"

using webtest::WebClient;

namespace {

web::ShownField field(const char* id, const char* form, web::FieldKind kind, std::string* value) {
    return {.id = id, .form = form, .label = id, .kind = kind, .value = value, .box = {10, 20, 200, 36}, .visible = {10, 20, 200, 36}};
}

}  // namespace

TEST_CASE("each kind of field tells the browser its type, autofill name and keyboard", "[fields]") {
    struct Row { web::FieldKind kind; const char* type; const char* autocomplete; const char* inputmode; };
    const Row rows[] = {
        {web::FieldKind::email, "email", "email", "email"},
        {web::FieldKind::current_password, "password", "current-password", "text"},
        {web::FieldKind::new_password, "password", "new-password", "text"},
        {web::FieldKind::person_name, "text", "name", "text"},
        {web::FieldKind::card_number, "text", "cc-number", "numeric"},
        {web::FieldKind::card_expiry, "text", "cc-exp", "numeric"},
        {web::FieldKind::card_cvc, "text", "cc-csc", "numeric"},
        {web::FieldKind::search, "search", "off", "search"},
        {web::FieldKind::date, "date", "off", "text"},
        {web::FieldKind::pass_code, "text", "off", "text"},
    };
    for (const Row& r : rows) {
        web::FieldSpec spec = web::field_spec(r.kind);
        CAPTURE(r.autocomplete);
        CHECK(std::strcmp(spec.type, r.type) == 0);
        CHECK(std::strcmp(spec.autocomplete, r.autocomplete) == 0);
        CHECK(std::strcmp(spec.inputmode, r.inputmode) == 0);
    }
    CHECK(web::field_spec(web::FieldKind::new_password).min_length == 8);
}

TEST_CASE("card numbers are grouped as they are typed or pasted; expiry becomes MM/YY; a CVC keeps digits", "[fields]") {
    const std::pair<const char*, const char*> numbers[] = {
        {"4242424242424242", "4242 4242 4242 4242"}, {"4242 4242 4242 4242", "4242 4242 4242 4242"},
        {"4242-4242-42", "4242 4242 42"},           {"378282246310005", "3782 822463 10005"},  // American Express 4-6-5
        {"42424", "4242 4"},                        {"4242 ", "4242"},
        {"12345678901234567890123", "1234 5678 9012 3456 789"},  // at most 19 digits
        {"abc", ""}};
    for (const auto& [typed, shown] : numbers) {
        CAPTURE(typed);
        CHECK(web::grouped_card_number(typed) == shown);
    }
    const std::pair<const char*, const char*> expiries[] = {
        {"1", "1"}, {"12", "12"}, {"123", "12/3"}, {"1230", "12/30"}, {"12/30", "12/30"}, {"12/", "12/"},
        {"4", "04"}, {"430", "04/30"}, {"1/2", "01/2"}, {"13", "1"}, {"00", "0"}, {"12/3045", "12/30"}, {"", ""}};
    for (const auto& [typed, shown] : expiries) {
        CAPTURE(typed);
        CHECK(web::tidy_card_expiry(typed) == shown);
    }
}

TEST_CASE("the page shows the fields of the last drawn frame; typing lands in the state they are bound to", "[fields]") {
    web::TextFieldsState fields;
    std::string number, expiry, cvc, search;
    web::begin_fields_frame(fields);
    web::show_field(fields, field("card_number", "card", web::FieldKind::card_number, &number));
    web::show_field(fields, field("card_expiry", "card", web::FieldKind::card_expiry, &expiry));
    web::show_field(fields, field("card_cvc", "card", web::FieldKind::card_cvc, &cvc));
    CHECK(fields.shown.empty());  // not until the frame is drawn
    web::end_fields_frame(fields);
    REQUIRE(fields.shown.size() == 3);

    CHECK(web::field_typed(fields, "card_number", "42424242") == "4242 4242");
    CHECK(number == "4242 4242");
    CHECK(web::field_typed(fields, "card_cvc", "12a3") == "123");
    CHECK(cvc == "123");
    CHECK(web::field_typed(fields, "search", "Hamlet") == "Hamlet");  // not shown: nothing stored
    CHECK(search.empty());

    CHECK(fields.focus_wanted.empty());  // none of these asks for the focus
    web::field_focus(fields, "card_cvc", true);
    CHECK(fields.focused == "card_cvc");
    web::begin_fields_frame(fields);  // the checkout closed: its fields go, and the focus with them
    web::show_field(fields, field("search", "events", web::FieldKind::search, &search));
    web::end_fields_frame(fields);
    CHECK(fields.shown.size() == 1);
    CHECK(fields.focused.empty());
}

TEST_CASE("a pass code is typed in capitals without spaces, and Enter in it uses it", "[fields][pass]") {
    web::TextFieldsState fields;
    std::string code;
    web::begin_fields_frame(fields);
    web::show_field(fields, field("pass_code", "pass_code", web::FieldKind::pass_code, &code));
    web::end_fields_frame(fields);
    CHECK(web::field_typed(fields, "pass_code", " flex-7k2m 9qxa ") == "FLEX-7K2M9QXA");
    CHECK(code == "FLEX-7K2M9QXA");
    CHECK(web::field_enter(fields, "pass_code").empty());
    CHECK(web::take_submitted(fields, "pass_code"));
    CHECK_FALSE(web::take_submitted(fields, "pass_code"));
}

TEST_CASE("a form that appears asks for the focus on its first empty field, once", "[fields]") {
    web::TextFieldsState fields;
    std::string search, email = "ada@example.org", password;
    auto frame = [&](bool with_sign_in) {
        web::begin_fields_frame(fields);
        web::show_field(fields, field("search", "events", web::FieldKind::search, &search));
        if (with_sign_in) {
            web::ShownField e = field("email", "sign_in", web::FieldKind::email, &email), p = field("password", "sign_in", web::FieldKind::current_password, &password);
            e.focus_on_appear = p.focus_on_appear = true;
            web::show_field(fields, e);
            web::show_field(fields, p);
        }
        web::end_fields_frame(fields);
    };
    frame(false);
    CHECK(fields.focus_wanted.empty());
    frame(true);
    CHECK(fields.focus_wanted == "password");  // the email is already known
    fields.focus_wanted.clear();
    frame(true);
    CHECK(fields.focus_wanted.empty());  // still shown: not again
}

TEST_CASE("Enter moves to the next empty field of the form, and submits it when all are filled", "[fields]") {
    web::TextFieldsState fields;
    std::string email, password;
    web::begin_fields_frame(fields);
    web::show_field(fields, field("email", "sign_in", web::FieldKind::email, &email));
    web::show_field(fields, field("password", "sign_in", web::FieldKind::current_password, &password));
    web::end_fields_frame(fields);

    web::field_typed(fields, "email", "ada@example.org ");
    CHECK(email == "ada@example.org");  // autofill's trailing space goes
    CHECK(web::field_enter(fields, "email") == "password");
    CHECK_FALSE(web::take_submitted(fields, "sign_in"));
    web::field_typed(fields, "password", "correct horse");
    CHECK(web::field_enter(fields, "password").empty());
    CHECK(web::take_submitted(fields, "sign_in"));
    CHECK_FALSE(web::take_submitted(fields, "sign_in"));  // once
    password.clear();
    CHECK(web::field_enter(fields, "email") == "password");  // the empty one, even behind

    std::string search, from;  // a filter's Enter is "done", never a move to the empty date beside it
    web::begin_fields_frame(fields);
    web::show_field(fields, field("search", "events", web::FieldKind::search, &search));
    web::show_field(fields, field("date_from", "events", web::FieldKind::date, &from));
    web::end_fields_frame(fields);
    CHECK(web::field_enter(fields, "search").empty());
    CHECK(web::take_submitted(fields, "events"));
}

TEST_CASE("the sign-in form logs in or registers with what was typed, and says what is missing first", "[fields][account]") {
    WebClient c;
    web::SignInForm& form = c.app.page.sign_in;
    web::submit_sign_in(c.app, c.services);
    CHECK(c.app.account.error == "Enter your email address.");
    CHECK(c.http.waiting().empty());

    form.registering = true;
    form.email = "ada@example.org", form.name = "Ada", form.password = "short";
    web::submit_sign_in(c.app, c.services);
    CHECK(c.app.account.error == "Choose a password of at least 8 characters.");
    CHECK(c.http.waiting().empty());

    form.password = "correct horse";
    web::submit_sign_in(c.app, c.services);
    web::HttpRequest sent = c.http.answer("POST /api/auth/register", 201,
                                          nlohmann::json{{"account", {{"email", "ada@example.org"}, {"name", "Ada"}}}, {"token", "t-1"}});
    CHECK(nlohmann::json::parse(sent.body) ==
          nlohmann::json{{"email", "ada@example.org"}, {"name", "Ada"}, {"password", "correct horse"}});
    web::forget_sign_in_password(c.app);
    CHECK(form.password.empty());
    CHECK(form.email == "ada@example.org");

    web::log_out(c.app, c.services);
    form.registering = false;
    form.password = "correct horse";
    web::submit_sign_in(c.app, c.services);
    CHECK(c.http.is_waiting("POST /api/auth/login"));
}
