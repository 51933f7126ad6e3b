// Payment plans: a total paid in monthly instalments that add up to it exactly (the one rounding
// rule), the first at once and the last before a deadline; what is paid and what is due.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "encore/entitlements.hpp"
#include "encore/subscriber.hpp"

namespace encore {

inline constexpr int max_instalments = 12;

// `total` split into `n` amounts that add up to it exactly: the k-th is round(total*k/n) - round(total*(k-1)/n).
std::vector<std::int64_t> split_instalments(std::int64_t total, int n);
// `n` due instants: `first`, then the same day and time of each following month (add_months).
std::vector<Instant> monthly_due_dates(Instant first, int n);
// The most instalments (1 to max_instalments) whose monthly dates from `now` all fall before `deadline`.
int max_instalments_before(Instant now, Instant deadline);

struct PlanSchedule {
    std::vector<Instalment> instalments;  // empty when refused
    RuleCheck check;                      // payment_plan_invalid, payment_plan_too_long
};
// A plan of `n` instalments (2..12) of `total`, the first due now, all before `deadline`.
PlanSchedule schedule_payment_plan(std::int64_t total, int n, Instant now, Instant deadline);

struct PlanProgress {
    std::int64_t paid = 0;                 // sum of the instalments paid
    std::int64_t outstanding = 0;          // the rest
    std::optional<Instalment> next;        // the next one to pay, if any
    bool overdue = false;                  // the next one's date has passed
    bool complete = false;                 // all paid: the seats are SOLD
};
// Where a plan stands after `paid` instalments, at `now`.
PlanProgress plan_progress(const std::vector<Instalment>& plan, std::size_t paid, Instant now);

}  // namespace encore
