// After a load run: checks what the clients saw against the database (SQLite or PostgreSQL) and the API.
// Every broken invariant becomes one sentence in `violations`; an empty list means the run was clean.
#pragma once
#include <string>
#include <vector>

#include "encore/catalog.hpp"
#include "purchase.hpp"

namespace encore::load {

struct AuditOptions {
    // All clients finished and every outcome is known: also check that every order and sold seat was
    // acknowledged, sold seats = acknowledged seats, and failed purchases left nothing behind. Off for a
    // check in the middle of a run, when orders may be in flight.
    bool final_state = true;
    bool expect_no_held_seats = true;  // (final state) no hold may still hold a seat
};

struct AuditResult {
    std::vector<std::string> violations;
    long seat_rows = 0, sold_seats = 0, orders = 0, acknowledged_orders = 0, acknowledged_seats = 0;
    bool clean() const { return violations.empty(); }
    // "N violations" plus the first few, or "clean: ...".
    std::string summary(std::size_t max_listed = 15) const;
};

// The database invariants: no (instance, seat) twice; every seat row belongs to exactly one live order
// or hold; every acknowledged order is stored with exactly its seats, sold; every sold seat belongs to
// an acknowledged order; failed purchases left no order, hold or seat row; sold = acknowledged seats;
// and (SQLite) PRAGMA integrity_check is ok. `db_location` is a file path or a postgresql:// URL.
void audit_database(const std::string& db_location, const std::vector<Attempt>& attempts, const AuditOptions& options,
                    AuditResult& result);

// The API view: every acknowledged order is readable by its owner with the same reference and seats
// shown sold in availability; availability counts sold seats as the database does.
void audit_api(const std::string& host, int port, const Catalog& catalog, const std::vector<Attempt>& attempts,
               const AuditOptions& options, AuditResult& result);

}  // namespace encore::load
