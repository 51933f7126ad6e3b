// Auto-renewal of memberships and passes (002): the target (the same product or next season's), the
// instant, the basket that prices it, and the outcome of the payment; an invoiced renewal gives nothing
// until it is paid (the Customer given to pricing holds only paid products).
#include <catch2/catch.hpp>

#include "encore/auto_renew.hpp"
#include "encore/pricing.hpp"
#include "renewals_support.hpp"

using namespace encore;
using namespace rtest;

TEST_CASE("memberships renew into themselves or next season's, at their end", "[renewals][auto_renew]") {
    const Catalog c = catalog();
    struct Row { const char* held; const char* starts; const char* ends; const char* into; const char* code;
                 const char* new_starts; const char* new_ends; std::int64_t price; };
    const Row rows[] = {
        {"friends", "2026-03-15T10:00:00Z", "2027-03-15T10:00:00Z", "friends", "", "2027-03-15T10:00:00Z", "2028-03-15T10:00:00Z", 6000},
        {"friends-27", "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z", "friends-28", "", "2028-01-01T00:00:00Z", "2029-01-01T00:00:00Z", 5500},
        {"friends-28", "2028-01-01T00:00:00Z", "2029-01-01T00:00:00Z", "friends-28", "renewal_over", "", "", 0},
    };
    for (const Row& r : rows) {
        CAPTURE(r.held);
        const AutoRenewal renewal = membership_renewal(c, {ProductId{r.held}, at(r.starts), at(r.ends)});
        CHECK(renewal.check.code == r.code);
        CHECK(renewal.into.value == r.into);
        CHECK(renewal.at == at(r.ends));
        if (!renewal.check.ok) continue;
        CHECK(renewal.membership.starts == at(r.new_starts));
        CHECK(renewal.membership.ends == at(r.new_ends));
        CHECK_FALSE(renewal_due(renewal, Instant{renewal.at.unix_seconds - 1}));
        CHECK(renewal_due(renewal, renewal.at));
        const PricedBasket priced = price_basket(c, renewal.basket, {}, renewal.at);
        INFO((priced.problems.empty() ? "" : priced.problems[0].message));
        REQUIRE(priced.valid);
        CHECK(priced.total == r.price);
    }
}

TEST_CASE("passes renew into their renews_into at their expiry", "[renewals][auto_renew]") {
    struct Row { const char* what; std::function<void(json&)> change; const char* held; const char* expires;
                 const char* code; const char* into; const char* new_expiry; Channel channel; std::int64_t price; };
    const std::vector<Row> rows = {
        {"next season's pass", {}, "flex27", "2027-07-01T00:00:00Z", "", "flex28", "2028-07-01T00:00:00Z", Channel::box_office, 8500},
        {"the same membership-style pass", {}, "gym", "2026-02-10T18:00:00Z", "", "gym", "2026-03-12T18:00:00Z", Channel::web, 1500},
        {"a pass that does not renew", {}, "flex28", "2028-07-01T00:00:00Z", "no_renewal", "", "", Channel::web, 0},
        {"the target not on sale yet", [](json& j) { j["flex_passes"][1]["on_sale"] = {{"web", "2027-08-01T00:00:00Z"}}; },
         "flex27", "2027-07-01T00:00:00Z", "renewal_not_on_sale", "flex28", "", Channel::web, 0},
        {"the target already over", [](json& j) { j["flex_passes"][0]["renews_into"] = "flex27"; },
         "flex27", "2027-07-01T00:00:00Z", "renewal_over", "flex27", "", Channel::web, 0},
    };
    for (const Row& r : rows) {
        CAPTURE(r.what);
        const Catalog c = catalog(r.change);
        const AutoRenewal renewal = pass_renewal(c, {ProductId{r.held}, "CODE-1", at(r.expires), {}});
        CHECK(renewal.check.code == r.code);
        CHECK(renewal.into.value == r.into);
        if (!renewal.check.ok) {
            CHECK_FALSE(renewal_due(renewal, at("2030-01-01T00:00:00Z")));
            continue;
        }
        CHECK(renewal.pass.expires_at == at(r.new_expiry));
        CHECK(renewal.basket.channel == r.channel);
        const PricedBasket priced = price_basket(c, renewal.basket, {}, renewal.at);
        REQUIRE(priced.valid);
        CHECK(priced.total == r.price);
    }
}

TEST_CASE("an approved card renews; a declined card or none reserves and invoices", "[renewals][auto_renew]") {
    CHECK(renewal_outcome(RenewalPayment::card_approved) == RenewalOutcome::renewed);
    CHECK(renewal_outcome(RenewalPayment::card_declined) == RenewalOutcome::invoiced);
    CHECK(renewal_outcome(RenewalPayment::no_card) == RenewalOutcome::invoiced);
}

TEST_CASE("an invoiced renewal gives no benefit until paid: the Customer holds only paid products", "[renewals][auto_renew][pricing]") {
    const Catalog c = catalog([](json& j) {
        j["offers"] = json::array({{{"id", "friends-10"}, {"name", "Friends save 10%"}, {"kind", "percent_off"}, {"percent", 10},
                                    {"who", {{"membership_active", "friends"}}}}});
        j["instances"][4]["on_sale"] = {{"web", "2027-03-01T00:00:00Z"}};
    });
    const AutoRenewal renewal = membership_renewal(c, {ProductId{"friends"}, at("2026-03-15T10:00:00Z"), at("2027-03-15T10:00:00Z")});
    REQUIRE(renewal.check.ok);
    BasketLine ticket;
    ticket.kind = LineKind::ticket;
    ticket.instance = InstanceId{"play28a-tue"};
    ticket.seat = SeatId{"S-B-1"};
    ticket.ticket_type = TicketTypeId{"adult"};
    const Basket basket{Channel::web, {ticket}};
    const Instant later = at("2027-04-01T00:00:00Z");
    Customer unpaid;  // the renewal is reserved and invoiced: the server leaves it out
    CHECK(price_basket(c, basket, unpaid, later).total == 3000);
    Customer paid;
    paid.memberships.push_back(renewal.membership);  // the invoice is paid: the new period counts
    CHECK(price_basket(c, basket, paid, later).total == 2700);
}

TEST_CASE("only staff move a pass's expiry, and not into the past", "[renewals][auto_renew]") {
    const Instant now = at("2027-03-01T12:00:00Z");
    struct Row { Actor actor; const char* expiry; const char* code; };
    const Row rows[] = {
        {staff(), "2027-09-01T00:00:00Z", ""},
        {staff(), "2027-03-01T12:00:00Z", ""},
        {staff(), "2027-02-01T00:00:00Z", "out_of_range"},
        {customer(), "2027-09-01T00:00:00Z", "not_allowed"},
        {system(), "2027-09-01T00:00:00Z", "not_allowed"},
    };
    for (const Row& r : rows) {
        CAPTURE(actor_text(r.actor), r.expiry);
        CHECK(check_pass_expiry_change(r.actor, at(r.expiry), now).code == r.code);
    }
}
