// The campaign's figures: a record's status at each local day's end from its history, key dates in order,
// and the span a chart covers.
#include <catch2/catch.hpp>

#include "encore/campaign.hpp"

using namespace encore;

namespace {

Instant at(const char* text) { return *parse_instant(text); }

HistoryRow row(HistoryAction action, const char* when, SubscriberStatus status) {
    HistoryRow r;
    r.action = action;
    r.at = at(when);
    r.status = status;
    return r;
}

int count(const CampaignDay& day, SubscriberStatus s) { return day.by_status[static_cast<std::size_t>(s)]; }

}  // namespace

TEST_CASE("campaign_days counts each record in the status its last row left by each local day's end", "[campaign]") {
    using S = SubscriberStatus;
    using A = HistoryAction;
    const std::vector<std::vector<HistoryRow>> histories = {
        {row(A::subscribe, "2027-01-10T09:00:00Z", S::new_), row(A::rollover, "2027-01-31T12:00:00Z", S::pending),
         row(A::manual_renew, "2027-02-02T22:30:00Z", S::renewed)},  // 22:30 UTC is 23:30 at +01:00: still the 2nd
        {row(A::subscribe, "2027-01-10T09:00:00Z", S::new_), row(A::rollover, "2027-01-31T12:00:00Z", S::pending),
         row(A::declined_renewal, "2027-02-01T23:30:00Z", S::declined)},  // 00:30 on the 2nd, local
        {row(A::subscribe, "2027-02-03T10:00:00Z", S::new_)},            // not a record before the 3rd
        {},
    };
    const std::vector<CampaignDay> days = campaign_days(histories, Date{2027, 1, 31}, Date{2027, 2, 3}, 60);
    REQUIRE(days.size() == 4);
    CHECK(days[0].day == Date{2027, 1, 31});
    CHECK(count(days[0], S::pending) == 2);
    CHECK(days[0].total() == 2);
    CHECK(count(days[1], S::pending) == 2);  // the decline fell after local midnight
    CHECK(count(days[2], S::renewed) == 1);
    CHECK(count(days[2], S::declined) == 1);
    CHECK(days[2].total() == 2);
    CHECK(count(days[3], S::new_) == 1);
    CHECK(days[3].total() == 3);

    CHECK(campaign_days(histories, Date{2027, 2, 3}, Date{2027, 2, 1}, 0).empty());
    CHECK(campaign_days(histories, Date{2020, 1, 1}, Date{2030, 1, 1}, 0).size() == 1000);  // bounded
}

TEST_CASE("campaign_key_dates lists the dates in order, once each; campaign_span frames them", "[campaign]") {
    RenewalDates d{at("2027-02-01T10:00:00Z"), at("2027-02-01T10:00:00Z"), at("2027-03-01T00:00:00Z"), at("2027-03-08T00:00:00Z"),
                   at("2027-04-01T00:00:00Z")};
    std::vector<CampaignKeyDate> keys = campaign_key_dates(d);
    REQUIRE(keys.size() == 4);  // auto-renew starts with the window: not a date of its own
    CHECK(keys.front().name == "Renewal opens");
    CHECK(keys[1].name == "Renewal ends");
    CHECK(keys[2].name == "Staff renewals end");
    CHECK(keys.back().name == "Seats released");
    CHECK(keys.back().at == d.locks);

    CampaignSpan whole = campaign_span(d, at("2027-06-01T00:00:00Z"), 0);
    CHECK(whole.first == Date{2027, 1, 25});
    CHECK(whole.last == Date{2027, 4, 8});
    CampaignSpan so_far = campaign_span(d, at("2027-02-10T12:00:00Z"), 0);
    CHECK(so_far.last == Date{2027, 2, 10});
    CampaignSpan before = campaign_span(d, at("2026-12-01T00:00:00Z"), 0);
    CHECK(before.last == before.first);
}
