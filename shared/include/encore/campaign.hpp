// The renewal campaign in figures, for the box office's dashboard: how many subscriber records were in each
// status at the end of every day of a campaign (replaying each history up to that day), and its key dates.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "encore/products.hpp"
#include "encore/subscriber.hpp"
#include "encore/time.hpp"

namespace encore {

inline constexpr int subscriber_status_count = 7;  // SubscriberStatus new_ .. inactive

struct CampaignDay {
    Date day;                                            // a day in the venue's local time
    std::array<int, subscriber_status_count> by_status{};  // records by the status after their last row by the day's end
    int total() const;
};

// Every local day from `first` to `last` (inclusive; at most 1,000 days) with the records in each status at its
// end (local midnight after it, by `utc_offset_minutes`). A record counts from the day of its first row; a row
// dated later on does not count before its day. Histories are each in order (as stored).
std::vector<CampaignDay> campaign_days(const std::vector<std::vector<HistoryRow>>& histories, Date first, Date last,
                                       int utc_offset_minutes);

struct CampaignKeyDate {
    std::string name;  // "Renewal opens", "Auto-renew charged", "Renewal ends", "Staff renewals end", "Seats released"
    Instant at;
};
// The campaign's key dates in order, for marking on a chart.
std::vector<CampaignKeyDate> campaign_key_dates(const RenewalDates& dates);

// The days a chart of the campaign spans: from a week before renewal opens to a week after the lock, or up to
// `now` (and no earlier than a week before it opens) when that is sooner, as local days.
struct CampaignSpan {
    Date first, last;
};
CampaignSpan campaign_span(const RenewalDates& dates, Instant now, int utc_offset_minutes);

}  // namespace encore
