// Payment plan schedules and progress.
#include "encore/payment_plan.hpp"

#include <algorithm>

#include "encore/money.hpp"

namespace encore {

std::vector<std::int64_t> split_instalments(std::int64_t total, int n) {
    std::vector<std::int64_t> out;
    std::int64_t before = 0;
    for (int k = 1; k <= n; ++k) {
        const std::int64_t upto = round_half_away(total * k, n);
        out.push_back(upto - before);
        before = upto;
    }
    return out;
}

std::vector<Instant> monthly_due_dates(Instant first, int n) {
    std::vector<Instant> out;
    for (int k = 0; k < n; ++k) out.push_back(add_months(first, k));
    return out;
}

int max_instalments_before(Instant now, Instant deadline) {
    const std::vector<Instant> dates = monthly_due_dates(now, max_instalments);
    const auto fitting = std::count_if(dates.begin(), dates.end(), [&](Instant t) { return t < deadline; });
    return std::max<int>(1, static_cast<int>(fitting));
}

PlanSchedule schedule_payment_plan(std::int64_t total, int n, Instant now, Instant deadline) {
    PlanSchedule out;
    if (n < 2 || n > max_instalments || total < n) {
        out.check = {false, "payment_plan_invalid",
                     "a payment plan has 2 to " + std::to_string(max_instalments) + " instalments of at least one minor unit each"};
        return out;
    }
    if (const int most = max_instalments_before(now, deadline); n > most) {
        out.check = {false, "payment_plan_too_long",
                     "every instalment must be paid before " + describe_utc_time(deadline) + "; " +
                         (most < 2 ? std::string("there is no time left for a payment plan, please pay in full")
                                   : "at most " + std::to_string(most) + " monthly instalments fit")};
        return out;
    }
    const auto amounts = split_instalments(total, n);
    const auto dates = monthly_due_dates(now, n);
    for (int k = 0; k < n; ++k) out.instalments.push_back({dates[k], amounts[k]});
    return out;
}

PlanProgress plan_progress(const std::vector<Instalment>& plan, std::size_t paid, Instant now) {
    PlanProgress out;
    for (std::size_t k = 0; k < plan.size(); ++k) (k < paid ? out.paid : out.outstanding) += plan[k].amount;
    out.complete = paid >= plan.size();
    if (!out.complete) {
        out.next = plan[paid];
        out.overdue = out.next->due < now;
    }
    return out;
}

}  // namespace encore
