// The customer's own renewals in "Your account": their subscriber records (GET /api/me/subscriber-records) with
// what they may do now as the server (the core) says — renew in full with a stored card, "I do not wish to
// renew", auto-renew on or off — and the act itself (POST …/actions), its outcome in words.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "logic/services.hpp"

namespace web {

struct AppState;

struct MyRenewal {
    std::int64_t id = 0;
    std::string status, package_name, group_name, seats_text, renewal_ends;
    std::optional<std::int64_t> renew_amount;  // renewing in full is offered at this amount
    std::string renew_amount_text;
    bool can_decline = false, can_auto_renew_on = false, can_auto_renew_off = false, auto_renew = false;
    std::string unavailable;  // why renewing is not offered, in words
};

struct MyRenewalsState {
    enum class State { none, loading, ready, error } state = State::none;
    std::string token;  // whose records these are
    std::vector<MyRenewal> records;
    std::string card_token;  // the customer's latest stored card, for renewing and auto-renew
    int busy = 0;
    std::string message, error;
};

// Reads the records and stored cards once per session (again after an act).
void load_my_renewals(AppState& app, Services& services);
// action: "renew", "decline", "auto_renew_on", "auto_renew_off".
void act_on_my_renewal(AppState& app, Services& services, std::int64_t record, const std::string& action);
// "Renew · £125.00", "I do not wish to renew", "Turn auto-renew on", "Turn auto-renew off".
std::string my_renewal_action_label(const MyRenewal& r, const std::string& action);

}  // namespace web
