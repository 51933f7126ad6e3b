// `encore-server import-subscribers`: existing subscribers from a CSV file into the database through a
// shell package (003). The core checks every row first (read_subscriber_csv); any bad row and nothing is
// imported, every bad row listed by line with its reason. Then all rows are written in one transaction,
// each arriving Pending for the coming season, with a progress bar on a terminal.
#pragma once
#include <string>
#include <vector>

namespace encore::server {

// argv after "import-subscribers": [--db PATH] [--now RFC3339] [--check] [--progress] FILE.csv (--progress: the
// bar even when stderr is not a terminal). Exit code: 0 imported
// (or checked), 1 bad rows or cannot run (nothing imported), 2 bad command line.
int import_subscribers_command(const std::vector<std::string>& args);

}  // namespace encore::server
