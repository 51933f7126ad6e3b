// The words of staff mode: products and performances as the counter reads them, what a sale or an act did,
// the names of subscriber statuses in the campaign's order, and the labels of the sale's choices.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "logic/app_state.hpp"

namespace web {

// "Hamlet · Tue 12 Jan 2027, 19:30", with " · 2 seats" when seats > 0; the id when the catalog lacks it.
std::string staff_performance_words(const AppState& app, const std::string& instance, int seats);
// "Sold: order K7QX4M2P, £90.00, invoice due Tue 19 Jan 2027." / "... paid by card."
std::string staff_sold_words(const StaffOrderResult& order);
// "Seat DC-B-11 held at 5 performances until Thu 31 Dec 2026, 23:59 UTC."
std::string staff_held_words(const AppState& app, const nlohmann::json& hold);
// "Renewed: 5 Play Package, Autumn 2027, now Renewed." from an action's answer.
std::string staff_record_done_words(const nlohmann::json& answer, const std::string& what);
// The subscriber statuses in the core's order (New, Pending, Renewed, Lapsed, Declined, NonRenewed, Inactive).
const std::vector<std::string>& staff_status_order();
// A status for people: "Non-renewed" for NonRenewed.
std::string staff_status_words(const std::string& status);
// The package to chart first: the one with the most records (ties: the first).
std::string staff_campaign_package(const std::vector<CampaignPackage>& packages);
// "Single tickets", "A series", "A pass", "A membership".
const char* staff_sale_kind_label(StaffSaleKind kind);
// "Stored card", "New card", "Invoice".
const char* staff_payment_label(StaffPayment payment);
// An order's status for the counter: "Paid", "Invoice due Tue 19 Jan 2027", "Lapsed".
std::string staff_order_status_words(const StaffOrderRow& order);
// Of the records prompted to renew (every status but New and Inactive), how many renewed: "212 of 300 renewed (71%)".
std::string staff_funnel_words(const std::vector<std::pair<std::string, int>>& statuses);

}  // namespace web
