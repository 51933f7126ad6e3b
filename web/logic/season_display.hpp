// How the season flows read on screen: performances by name, series seats and their pricing-set column and
// saving, passes with what they have left, the account's records. Words only; every figure is the core's or
// the server's.
#pragma once
#include <string>
#include <vector>

#include "encore/pass_redemption.hpp"
#include "encore/pricing.hpp"
#include "encore/season_view.hpp"
#include "logic/app_state.hpp"

namespace web {

// "Macbeth, Tue 12 Jan 2027, 19:30", or the id for a performance the catalog no longer has.
std::string performance_name(const AppState& app, const encore::InstanceId& instance);
// "5 Play Package · Tuesday evenings"
std::string series_pick_title(const AppState& app, const SeriesPick& pick);
// "Dress Circle, Row B, Seat 11 · 5 performances"
std::string series_pick_detail(const AppState& app, const SeriesPick& pick);
// "5 events: £25.00 each · you save £150.00 on single tickets" from the priced line's series summary.
std::string series_line_summary(const encore::PricedLine& line, const encore::Currency& currency);
// "Flex 4 Pass · 2 of 4 left" (left after this basket); with the code when owned.
std::string pass_use_summary(const encore::UsablePass& pass);
// "FLEX-7Q2M-…" for an owned pass, "bought in this basket" for one being bought.
std::string pass_label(const encore::UsablePass& pass);
// What a pass covers, grouped by what it costs with it: "Free: Macbeth, Twelfth Night; 50% off: Sunday Classics: Mozart".
std::string pass_covers_text(const encore::PassView& pass);
// "3 of 4 tickets left · expires Thu 29 Apr 2027, 00:00 UTC", or "expired …".
std::string pass_record_summary(const PassRecord& pass);
// "Tue 1 Dec 2026 – Wed 1 Dec 2027" (UTC days), "active" or "ended" added.
std::string membership_record_summary(const MembershipRecord& membership);
// "Pay £60.00 by Tue 8 Dec 2026, 12:00 UTC" for an unpaid invoice; "" for any other order.
std::string invoice_words(const OrderRecord& order);
// "Paid", "Reserved until the invoice is paid", "Lapsed: the invoice was not paid in time and the seats were released".
std::string order_status_text(const std::string& status);
// The reference to show for an order: its short one ("K7QX4M2P"), or the long one of an order made before them.
std::string order_record_reference(const OrderRecord& order);
// The same for an order named by its long reference (a pass's redemption), if the account lists it.
std::string order_reference_words(const AccountRecords& records, const std::string& reference);
// The account's unpaid invoices (orders reserved with a due date), soonest due first.
std::vector<const OrderRecord*> invoices_to_pay(const AccountRecords& records);

}  // namespace web
