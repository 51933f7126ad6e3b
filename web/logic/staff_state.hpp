// Staff mode at the box office's counter: find or create the customer in front of you, sell to them on the
// box-office channel (tickets, a series, a pass, a membership) by stored card, new card or invoice, mark an
// invoice paid, hold a series for them, renew or move their subscription, and the renewal campaign's figures.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "encore/basket.hpp"

namespace web {

enum class StaffTab { counter, renewals };
enum class StaffStep { find, customer, sell };
enum class StaffSaleKind { ticket, series, pass, membership };
enum class StaffPayment { stored_card, new_card, invoice };

struct StaffCustomerHit {
    std::int64_t id = 0;
    std::string name, email;
};

struct StaffOrderRow {
    std::string reference, short_reference, status, total_text, payment_method, due_at;
    std::vector<std::string> lines;  // "Hamlet · Tue 12 Jan 2027, 19:30 · 2 seats", "Flex 4 Pass · £120.00"
};

struct StaffCard {
    std::string token, brand, last4, expires;
};

// A subscriber record as staff see it, with what they may do now (the server's `actions`).
struct StaffRecord {
    std::int64_t id = 0;
    std::string status, package, package_name, group, group_name, seats_text;
    std::vector<std::string> seat_ids;
    std::optional<std::int64_t> renew_amount;  // renewing in full is offered at this amount
    std::string renew_amount_text;
    bool can_change_seats = false;
    std::string unavailable;  // why renewing is not offered, in words
};

struct StaffHold {
    std::string token, kind, expires_at;
    int seats = 0;
};

struct StaffCustomer {
    StaffCustomerHit account;
    encore::Customer pricing;  // what the server prices their basket with
    std::vector<StaffOrderRow> orders;
    std::vector<StaffCard> cards;
    std::vector<StaffRecord> records;
    std::vector<StaffHold> holds;
    std::vector<std::string> owned;  // passes and memberships, one line each
};

// What is being sold: the product (an instance for tickets, else a series, pass or membership), how many
// seats, the payment, and the attempt under way (its Idempotency-Key is reused when the same body is retried).
struct StaffSale {
    StaffSaleKind kind = StaffSaleKind::ticket;
    std::string product;   // instance id (tickets) or product id
    std::string group;     // series: the group
    int seats = 2;         // tickets: how many side by side
    StaffPayment payment = StaffPayment::invoice;
    std::string card_token;  // the stored card chosen
    std::string card_number, card_expiry, card_cvc;
    std::string idempotency_key, attempt_body;
    bool attempt_unanswered = false;
};

// The order just sold (or an invoice being marked paid).
struct StaffOrderResult {
    std::string reference, short_reference, status, total_text, payment_method, due_at;
};

struct CampaignPackage {
    std::string id, name;
    int subscribers = 0;
    std::vector<std::pair<std::string, int>> statuses;  // status name -> count, in the core's status order
};

// One day of the campaign: the subscribers in each status at the end of that day (venue-local days).
struct CampaignDay {
    std::string day;  // "2027-02-01"
    std::vector<std::pair<std::string, int>> statuses;
};

struct CampaignState {
    bool loading = false, loaded = false;
    std::string error, now;
    std::vector<CampaignPackage> packages;
    std::string package;                  // the package whose days are shown
    std::vector<CampaignDay> days;
    std::vector<std::pair<std::string, std::string>> key_dates;  // ("Renewal opens", "2027-02-01"), ...
    int serial = 0;
};

struct StaffState {
    StaffTab tab = StaffTab::counter;
    StaffStep step = StaffStep::find;
    std::string query, new_name, new_email;
    bool searched = false;
    std::vector<StaffCustomerHit> hits;
    std::optional<StaffCustomer> customer;
    StaffSale sale;
    std::optional<StaffOrderResult> last_order;
    int busy = 0;              // requests under way
    std::string message;       // what just happened, in words
    std::string error;         // why the last act failed, in words
    int serial = 0;            // answers about a customer no longer shown are dropped
    CampaignState campaign;
};

}  // namespace web
