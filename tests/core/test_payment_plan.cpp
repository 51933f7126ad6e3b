// Payment plans: instalments add up to the total exactly, fall monthly, fit before the deadline, and
// report their progress.
#include <catch2/catch.hpp>

#include <numeric>

#include "encore/payment_plan.hpp"
#include "renewals_support.hpp"

using namespace encore;
using rtest::at;

TEST_CASE("instalments add up to the total with the one rounding rule", "[renewals][payment_plan]") {
    struct Row { std::int64_t total; int n; std::vector<std::int64_t> parts; };
    const Row rows[] = {
        {10000, 3, {3333, 3334, 3333}},
        {10000, 4, {2500, 2500, 2500, 2500}},
        {100, 7, {14, 15, 14, 14, 14, 15, 14}},
        {5, 2, {3, 2}},
        {19999, 12, {1667, 1666, 1667, 1666, 1667, 1667, 1666, 1667, 1666, 1667, 1666, 1667}},  // 9999.5 rounds away
    };
    for (const Row& r : rows) {
        CAPTURE(r.total, r.n);
        CHECK(split_instalments(r.total, r.n) == r.parts);
    }
}

TEST_CASE("property: any split sums to the total and its parts differ by at most one", "[renewals][payment_plan]") {
    for (std::int64_t total : {2, 3, 99, 1001, 12345, 999999, 123456789}) {
        for (int n = 2; n <= max_instalments; ++n) {
            if (total < n) continue;
            CAPTURE(total, n);
            const auto parts = split_instalments(total, n);
            REQUIRE(parts.size() == static_cast<std::size_t>(n));
            CHECK(std::accumulate(parts.begin(), parts.end(), std::int64_t{0}) == total);
            const auto [lo, hi] = std::minmax_element(parts.begin(), parts.end());
            CHECK(*hi - *lo <= 1);
        }
    }
}

TEST_CASE("instalments fall on the same day each month, the 31st on the month's last day", "[renewals][payment_plan]") {
    const auto dates = monthly_due_dates(at("2027-01-31T10:00:00Z"), 4);
    REQUIRE(dates.size() == 4);
    CHECK(dates[0] == at("2027-01-31T10:00:00Z"));
    CHECK(dates[1] == at("2027-02-28T10:00:00Z"));
    CHECK(dates[2] == at("2027-03-31T10:00:00Z"));
    CHECK(dates[3] == at("2027-04-30T10:00:00Z"));
    CHECK(monthly_due_dates(at("2027-12-15T00:00:00Z"), 2)[1] == at("2028-01-15T00:00:00Z"));
}

TEST_CASE("a plan must end before its deadline", "[renewals][payment_plan]") {
    const Instant deadline = at("2028-01-01T00:00:00Z");
    struct Row { const char* now; int n; const char* code; };
    const Row rows[] = {
        {"2027-03-10T12:00:00Z", 10, ""},  // Mar .. Dec
        {"2027-03-10T12:00:00Z", 11, "payment_plan_too_long"},
        {"2027-12-20T12:00:00Z", 2, "payment_plan_too_long"},
        {"2027-03-10T12:00:00Z", 1, "payment_plan_invalid"},
        {"2027-03-10T12:00:00Z", 13, "payment_plan_invalid"},
    };
    for (const Row& r : rows) {
        CAPTURE(r.now, r.n);
        const PlanSchedule plan = schedule_payment_plan(30000, r.n, at(r.now), deadline);
        CHECK(plan.check.code == r.code);
        CHECK(plan.instalments.size() == (plan.check.ok ? static_cast<std::size_t>(r.n) : 0u));
        if (plan.check.ok) CHECK(plan.instalments.back().due < deadline);
    }
    CHECK(max_instalments_before(at("2027-03-10T12:00:00Z"), deadline) == 10);
    CHECK(max_instalments_before(at("2027-12-20T12:00:00Z"), deadline) == 1);
    CHECK(max_instalments_before(at("2026-01-01T00:00:00Z"), deadline) == max_instalments);
    CHECK(schedule_payment_plan(30000, 11, at("2027-03-10T12:00:00Z"), deadline).check.message.find("at most 10") != std::string::npos);
}

TEST_CASE("plan progress: paid, outstanding, next, overdue, complete", "[renewals][payment_plan]") {
    const auto plan = schedule_payment_plan(10000, 3, at("2027-03-10T12:00:00Z"), at("2028-01-01T00:00:00Z")).instalments;
    PlanProgress p = plan_progress(plan, 1, at("2027-04-01T00:00:00Z"));
    CHECK(p.paid == 3333);
    CHECK(p.outstanding == 6667);
    REQUIRE(p.next);
    CHECK(p.next->due == at("2027-04-10T12:00:00Z"));
    CHECK_FALSE(p.overdue);
    CHECK(plan_progress(plan, 1, at("2027-04-11T00:00:00Z")).overdue);
    p = plan_progress(plan, 3, at("2027-06-01T00:00:00Z"));
    CHECK(p.complete);
    CHECK(p.outstanding == 0);
    CHECK_FALSE(p.next);
}
