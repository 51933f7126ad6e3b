// Campaign figures from subscriber histories: a record's status at a day's end is the status its last row
// dated before that moment left it in (the history is the truth; the rows say the status after them).
#include "encore/campaign.hpp"

#include <algorithm>

namespace encore {

namespace {

constexpr std::int64_t day_seconds = 86400;
constexpr std::int64_t max_days = 1000;

// The UTC instant of local midnight ending local day `d`.
std::int64_t end_of_local_day(std::int64_t days, int utc_offset_minutes) {
    return (days + 1) * day_seconds - static_cast<std::int64_t>(utc_offset_minutes) * 60;
}

Date local_day(Instant t, int utc_offset_minutes) {
    return utc_date(Instant{t.unix_seconds + static_cast<std::int64_t>(utc_offset_minutes) * 60});
}

}  // namespace

int CampaignDay::total() const {
    int sum = 0;
    for (int n : by_status) sum += n;
    return sum;
}

std::vector<CampaignDay> campaign_days(const std::vector<std::vector<HistoryRow>>& histories, Date first, Date last,
                                       int utc_offset_minutes) {
    const std::int64_t from = days_from_civil(first), to = std::min(days_from_civil(last), from + max_days - 1);
    std::vector<CampaignDay> days;
    if (to < from) return days;
    days.reserve(static_cast<std::size_t>(to - from + 1));
    for (std::int64_t d = from; d <= to; ++d) days.push_back({civil_from_days(d), {}});
    for (const std::vector<HistoryRow>& history : histories) {
        std::size_t row = 0;
        for (std::int64_t d = from; d <= to; ++d) {
            const std::int64_t end = end_of_local_day(d, utc_offset_minutes);
            while (row < history.size() && history[row].at.unix_seconds < end) ++row;
            if (row == 0) continue;  // not a record yet
            ++days[static_cast<std::size_t>(d - from)].by_status[static_cast<std::size_t>(history[row - 1].status)];
        }
    }
    return days;
}

std::vector<CampaignKeyDate> campaign_key_dates(const RenewalDates& dates) {
    std::vector<CampaignKeyDate> out{{"Renewal opens", dates.starts}};
    if (dates.auto_renew_starts != dates.starts) out.push_back({"Auto-renew charged", dates.auto_renew_starts});
    out.push_back({"Renewal ends", dates.ends});
    if (dates.lapsed_ends != dates.ends) out.push_back({"Staff renewals end", dates.lapsed_ends});
    out.push_back({"Seats released", dates.locks});
    return out;
}

CampaignSpan campaign_span(const RenewalDates& dates, Instant now, int utc_offset_minutes) {
    const std::int64_t week = 7 * day_seconds;
    Instant first{dates.starts.unix_seconds - week};
    Instant last{std::max(std::min(dates.locks.unix_seconds + week, now.unix_seconds), first.unix_seconds)};
    return {local_day(first, utc_offset_minutes), local_day(last, utc_offset_minutes)};
}

}  // namespace encore
