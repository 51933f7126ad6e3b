// A large subscriber import for tests and benchmarks: a plan grown to rows x seats_per_row seats and
// a CSV of one subscriber per seat of two groups (the renewals fixture's "tuesdays" and "weekend").
#pragma once
#include <string>

#include "encore/catalog.hpp"

namespace test_support {

// Replaces the plan's seats with rows "R0".."R<rows-1>" of seats "R<row>-1".. in band A, and reindexes.
void grow_plan(encore::SeatingPlan& plan, int rows, int seats_per_row);
// "email,name,lineage,group,seats" and `subscribers` rows of lineage "main": the first half at
// "tuesdays", the second at "weekend", one seat each, cycling through the grown plan's seats.
std::string subscriber_csv(int subscribers, int rows, int seats_per_row);

}  // namespace test_support
