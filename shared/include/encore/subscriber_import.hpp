// Importing existing subscribers from CSV through a shell package (003): every row is checked
// first; either every row is good, or every bad row is listed by line and nothing is imported.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "encore/renewals.hpp"

namespace encore {

inline constexpr std::size_t max_import_rows = 1'000'000;

// One good row: a subscriber to create, Pending at the upcoming package of their lineage.
struct ImportedSubscriber {
    std::size_t line = 0;
    std::string email;           // trimmed, as written
    std::string name;
    std::string lineage;
    ProductId shell;             // the lineage's shell package: the record's first package
    ProductId package;           // the lineage's upcoming package: seats reserved there
    SeriesGroupId group;
    std::vector<SeatId> seats;
};

struct ImportProblem {
    std::size_t line = 0;  // 1 is the header
    std::string column;    // "email", "seats" ... or empty for the whole line
    std::string code;      // empty_file, missing_column, unknown_column, duplicate_column, no_rows, too_many_rows,
                           // malformed_csv, wrong_column_count, invalid_email, missing_value, too_long,
                           // unknown_lineage, no_shell_package, no_upcoming_package, unknown_group,
                           // no_seats, unknown_seat, duplicate_seat, seat_taken
    std::string message;   // a sentence naming the value
};

struct SubscriberImport {
    std::vector<ImportedSubscriber> subscribers;  // all rows, or none when there are problems
    std::vector<ImportProblem> problems;          // every problem, in line order
};
// Reads and checks CSV with the header `email,name,lineage,group,seats` (any order, any case). Seats are
// seat ids separated by spaces, ';' or ','; a group is named by id or name. `taken` marks seats not free.
SubscriberImport read_subscriber_csv(std::string_view csv, const Catalog& catalog, Instant now, const SeatQuery& taken = {});
// The history of an imported subscriber: Import (New, at the shell), then Rollover (Pending, seats reserved).
std::vector<HistoryRow> import_history(const ImportedSubscriber& subscriber, const Actor& actor, Instant now);

}  // namespace encore
