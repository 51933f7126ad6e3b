// Schema migrations of the server database (SQLite and PostgreSQL texts), applied in order by Store at start-up.
#include "store/migrations.hpp"

#include <array>

namespace encore::server {
namespace {

#ifdef ENCORE_UNSAFE_SEAT_CLAIMS
// 1, TEST-ONLY build (encore-server-unsafe for tests/load/negative_control.sh): seat_states WITHOUT its
// primary key, so nothing stops a seat being claimed twice; the normal build never compiles this.
constexpr std::string_view catalog_and_seat_states = R"sql(
CREATE TABLE catalog (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    json       TEXT NOT NULL,
    etag       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE instance_versions (
    instance_id TEXT PRIMARY KEY,
    version     INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0)
);
CREATE TABLE seat_states (
    instance_id     TEXT NOT NULL REFERENCES instance_versions (instance_id),
    seat_id         TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('held', 'reserved', 'sold', 'blocked')),
    changed_version INTEGER NOT NULL
);
CREATE INDEX seat_states_by_seat ON seat_states (instance_id, seat_id);
)sql";
#else
// 1: the catalog document and per-instance seat states (an open seat has no row).
constexpr std::string_view catalog_and_seat_states = R"sql(
CREATE TABLE catalog (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    json       TEXT NOT NULL,
    etag       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE instance_versions (
    instance_id TEXT PRIMARY KEY,
    version     INTEGER NOT NULL DEFAULT 0 CHECK (version >= 0)
);
CREATE TABLE seat_states (
    instance_id     TEXT NOT NULL REFERENCES instance_versions (instance_id),
    seat_id         TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('held', 'reserved', 'sold', 'blocked')),
    changed_version INTEGER NOT NULL,
    PRIMARY KEY (instance_id, seat_id)
) WITHOUT ROWID;
)sql";
#endif

// 2: accounts and sessions, holds, orders and what they create (passes, memberships, subscriptions,
// offer uses), payments and stored cards, idempotency keys, and a log of seat changes per version.
constexpr std::string_view accounts_holds_orders = R"sql(
CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,                 -- argon2id string from libsodium
    role          TEXT NOT NULL CHECK (role IN ('customer', 'staff', 'admin')),
    tags          TEXT NOT NULL DEFAULT '[]',    -- JSON array of strings
    created_at    INTEGER NOT NULL
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,                 -- hash of the bearer token; the token is never stored
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_by_account ON sessions (account_id);

CREATE TABLE holds (
    token          TEXT PRIMARY KEY,             -- unguessable, given to the holder
    account_id     INTEGER REFERENCES accounts (id),  -- null: an anonymous basket
    client_id      TEXT NOT NULL,                -- who may use an anonymous hold (its session-less owner)
    kind           TEXT NOT NULL CHECK (kind IN ('basket', 'subscription', 'house')),
    created_at     INTEGER NOT NULL,
    expires_at     INTEGER NOT NULL,
    max_expires_at INTEGER NOT NULL              -- extensions stop here
);
CREATE INDEX holds_by_expiry ON holds (expires_at);
ALTER TABLE seat_states ADD COLUMN hold_token TEXT;
ALTER TABLE seat_states ADD COLUMN order_id INTEGER;
CREATE INDEX seat_states_by_hold ON seat_states (hold_token) WHERE hold_token IS NOT NULL;
CREATE INDEX seat_states_by_order ON seat_states (order_id) WHERE order_id IS NOT NULL;
CREATE TABLE seat_changes (
    instance_id TEXT NOT NULL,
    version     INTEGER NOT NULL,
    seat_id     TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('open', 'held', 'reserved', 'sold', 'blocked')),
    PRIMARY KEY (instance_id, version, seat_id)
) WITHOUT ROWID;

CREATE TABLE orders (
    id             INTEGER PRIMARY KEY,
    reference      TEXT NOT NULL UNIQUE,         -- unguessable public id
    account_id     INTEGER NOT NULL REFERENCES accounts (id),
    status         TEXT NOT NULL CHECK (status IN ('reserved', 'paid', 'lapsed', 'cancelled')),
    channel        TEXT NOT NULL,
    currency       TEXT NOT NULL,
    total          INTEGER NOT NULL,
    basket_json    TEXT NOT NULL,
    priced_json    TEXT NOT NULL,
    payment_method TEXT NOT NULL CHECK (payment_method IN ('invoice', 'card')),
    due_at         INTEGER,                      -- invoices lapse then unless paid
    created_at     INTEGER NOT NULL,
    paid_at        INTEGER
);
CREATE INDEX orders_by_account ON orders (account_id);
CREATE INDEX orders_unpaid_by_due ON orders (due_at) WHERE status = 'reserved';
CREATE TABLE idempotency_keys (
    account_id   INTEGER NOT NULL REFERENCES accounts (id),
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status       INTEGER NOT NULL,
    response     TEXT NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (account_id, key)
);
CREATE TABLE passes (
    code       TEXT PRIMARY KEY,                 -- unguessable, redeemed in the basket
    pass_id    TEXT NOT NULL,                    -- the catalog's flex pass
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    order_id   INTEGER NOT NULL REFERENCES orders (id),
    expires_at INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX passes_by_account ON passes (account_id);
CREATE TABLE pass_redemptions (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL REFERENCES passes (code),
    instance_id TEXT NOT NULL,
    seat_id     TEXT NOT NULL,
    order_id    INTEGER NOT NULL REFERENCES orders (id)
);
CREATE INDEX pass_redemptions_by_code ON pass_redemptions (code);
CREATE TABLE memberships (
    id            INTEGER PRIMARY KEY,
    account_id    INTEGER NOT NULL REFERENCES accounts (id),
    membership_id TEXT NOT NULL,
    starts_at     INTEGER NOT NULL,
    ends_at       INTEGER NOT NULL,
    order_id      INTEGER NOT NULL REFERENCES orders (id)
);
CREATE INDEX memberships_by_account ON memberships (account_id);
CREATE TABLE subscriptions (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    series_id  TEXT NOT NULL,
    group_id   TEXT NOT NULL,
    seat_id    TEXT NOT NULL,
    order_id   INTEGER NOT NULL REFERENCES orders (id),
    created_at INTEGER NOT NULL
);
CREATE INDEX subscriptions_by_account ON subscriptions (account_id);
CREATE TABLE offer_uses (
    order_id   INTEGER NOT NULL REFERENCES orders (id),
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    offer_id   TEXT NOT NULL,
    tickets    INTEGER NOT NULL CHECK (tickets > 0),
    PRIMARY KEY (order_id, offer_id)
);
CREATE INDEX offer_uses_by_offer ON offer_uses (offer_id);
CREATE TABLE cards (
    token      TEXT PRIMARY KEY,                 -- the payment provider's token; no card number is kept
    account_id INTEGER NOT NULL REFERENCES accounts (id),
    brand      TEXT NOT NULL,
    last4      TEXT NOT NULL,
    expires    TEXT NOT NULL,                    -- "MM/YY"
    created_at INTEGER NOT NULL
);
CREATE INDEX cards_by_account ON cards (account_id);
CREATE TABLE test_provider_cards (
    token   TEXT PRIMARY KEY,                    -- the stored-card test provider's own record
    outcome TEXT NOT NULL                        -- "approve" or "decline:<reason>", fixed by the card number
);
CREATE TABLE payments (
    id         INTEGER PRIMARY KEY,
    order_id   INTEGER NOT NULL REFERENCES orders (id),
    method     TEXT NOT NULL CHECK (method IN ('invoice', 'card')),
    status     TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined', 'paid', 'lapsed')),
    amount     INTEGER NOT NULL,
    card_token TEXT,
    reference  TEXT NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX payments_by_order ON payments (order_id);
)sql";

// 3: on-sale day. Offer use totals kept by triggers (pricing read them with a scan of every use); the
// owner of each held, reserved or sold seat ("account:ID" or "client:ADDRESS"), so per-customer seat
// limits are one index range; the age of each seat change and idempotency record, for pruning; and the
// indexes the limits and the pruning read.
constexpr std::string_view on_sale_day = R"sql(
CREATE TABLE offer_use_totals (
    offer_id TEXT PRIMARY KEY,
    tickets  INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO offer_use_totals (offer_id, tickets) SELECT offer_id, SUM(tickets) FROM offer_uses GROUP BY offer_id;
CREATE TRIGGER offer_uses_counted AFTER INSERT ON offer_uses BEGIN
    INSERT INTO offer_use_totals (offer_id, tickets) VALUES (NEW.offer_id, NEW.tickets)
        ON CONFLICT (offer_id) DO UPDATE SET tickets = tickets + excluded.tickets;
END;
CREATE TRIGGER offer_uses_uncounted AFTER DELETE ON offer_uses BEGIN
    UPDATE offer_use_totals SET tickets = tickets - OLD.tickets WHERE offer_id = OLD.offer_id;
END;
ALTER TABLE seat_states ADD COLUMN owner TEXT;
CREATE INDEX seat_states_by_owner ON seat_states (owner, instance_id) WHERE owner IS NOT NULL;
ALTER TABLE seat_changes ADD COLUMN changed_at INTEGER NOT NULL DEFAULT 0;
CREATE INDEX seat_changes_by_age ON seat_changes (changed_at);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
CREATE INDEX holds_by_account ON holds (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX holds_by_client ON holds (client_id) WHERE account_id IS NULL;
CREATE INDEX orders_unpaid_by_account ON orders (account_id) WHERE status = 'reserved';
)sql";

// 4: subscriber records and their append-only history, subscriber seats, house holds, the renewal
// scheduler's progress, rollovers, renewal invoices and payments, the webhook outbox and deliveries,
// staff acts, and the auto-renewal of memberships and passes.
constexpr std::string_view renewals = R"sql(
CREATE TABLE subscribers (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id),
    lineage     TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    -- a projection of the history, rewritten from replay/fold with every append (never the only record):
    status      TEXT NOT NULL,
    package_id  TEXT NOT NULL,
    rows        INTEGER NOT NULL,
    next_due_at INTEGER                          -- when the scheduler must look next; NULL: no date changes it
);
CREATE INDEX subscribers_by_account ON subscribers (account_id);
CREATE INDEX subscribers_by_package ON subscribers (package_id, status);
CREATE INDEX subscribers_due ON subscribers (next_due_at) WHERE next_due_at IS NOT NULL;
CREATE TABLE subscriber_history (
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id),
    sequence      INTEGER NOT NULL CHECK (sequence >= 1),  -- 1, 2, ... per subscriber: the webhook's sequence
    at            INTEGER NOT NULL,
    action        TEXT NOT NULL,
    actor         TEXT NOT NULL,
    row_json      TEXT NOT NULL,                 -- encore::history_row_to_json
    PRIMARY KEY (subscriber_id, sequence)
) WITHOUT ROWID;
CREATE TRIGGER subscriber_history_is_append_only_update BEFORE UPDATE ON subscriber_history
BEGIN SELECT RAISE(ABORT, 'subscriber_history is append-only'); END;
CREATE TRIGGER subscriber_history_is_append_only_delete BEFORE DELETE ON subscriber_history
BEGIN SELECT RAISE(ABORT, 'subscriber_history is append-only'); END;
ALTER TABLE seat_states ADD COLUMN subscriber_id INTEGER;
CREATE INDEX seat_states_by_subscriber ON seat_states (subscriber_id) WHERE subscriber_id IS NOT NULL;
CREATE TABLE house_holds (
    instance_id TEXT NOT NULL,
    seat_id     TEXT NOT NULL,
    account_id  INTEGER NOT NULL REFERENCES accounts (id),   -- who set it
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (instance_id, seat_id)
) WITHOUT ROWID;
CREATE TABLE scheduler_state (
    name  TEXT PRIMARY KEY,                      -- "processed_until", "projection_catalog"
    value TEXT NOT NULL
);
CREATE TABLE rollovers (
    from_package TEXT NOT NULL,
    to_package   TEXT NOT NULL,
    processed_at INTEGER NOT NULL,
    subscribers  INTEGER NOT NULL,
    PRIMARY KEY (from_package, to_package)
);
CREATE TABLE rollover_issues (
    id            INTEGER PRIMARY KEY,
    from_package  TEXT NOT NULL,
    to_package    TEXT NOT NULL,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id),
    seat_id       TEXT NOT NULL,
    code          TEXT NOT NULL,
    message       TEXT NOT NULL
);
CREATE INDEX rollover_issues_by_subscriber ON rollover_issues (subscriber_id);
CREATE TABLE renewal_invoices (
    id            INTEGER PRIMARY KEY,
    reference     TEXT NOT NULL UNIQUE,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id),
    package_id    TEXT NOT NULL,
    amount        INTEGER NOT NULL,
    due_at        INTEGER NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'lapsed')),
    created_at    INTEGER NOT NULL,
    settled_at    INTEGER
);
CREATE INDEX renewal_invoices_by_subscriber ON renewal_invoices (subscriber_id);
CREATE TABLE renewal_payments (
    id            INTEGER PRIMARY KEY,
    subscriber_id INTEGER NOT NULL REFERENCES subscribers (id),
    sequence      INTEGER NOT NULL,              -- the history row the money came with
    method        TEXT NOT NULL CHECK (method IN ('card', 'recorded')),
    amount        INTEGER NOT NULL,
    card_token    TEXT,
    reference     TEXT NOT NULL,
    taken_by      TEXT NOT NULL,                 -- the actor: customer:<id>, staff:<id>, system
    created_at    INTEGER NOT NULL
);
CREATE INDEX renewal_payments_by_subscriber ON renewal_payments (subscriber_id);
CREATE TABLE webhook_endpoints (
    id          INTEGER PRIMARY KEY,
    url         TEXT NOT NULL,
    secret      TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    removed_at  INTEGER
);
CREATE TABLE webhook_outbox (
    endpoint_id      INTEGER NOT NULL REFERENCES webhook_endpoints (id),
    subscriber_id    INTEGER NOT NULL REFERENCES subscribers (id),
    next_sequence    INTEGER NOT NULL,           -- the history row to deliver next ...
    last_sequence    INTEGER NOT NULL,           -- ... up to this one; idle when next > last
    next_attempt_at  INTEGER NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0, -- failed attempts of the next row
    first_failure_at INTEGER,
    claimed_until    INTEGER,                    -- a dispatcher is delivering it until then
    PRIMARY KEY (endpoint_id, subscriber_id)
) WITHOUT ROWID;
CREATE INDEX webhook_outbox_ready ON webhook_outbox (next_attempt_at) WHERE next_sequence <= last_sequence;
CREATE TABLE webhook_deliveries (
    id            INTEGER PRIMARY KEY,
    endpoint_id   INTEGER NOT NULL REFERENCES webhook_endpoints (id),
    subscriber_id INTEGER NOT NULL,
    sequence      INTEGER NOT NULL,
    event_type    TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    redeliver     INTEGER NOT NULL DEFAULT 0,    -- an admin asked for one more delivery
    created_at    INTEGER NOT NULL,
    delivered_at  INTEGER,
    UNIQUE (endpoint_id, subscriber_id, sequence)
);
CREATE INDEX webhook_deliveries_redeliver ON webhook_deliveries (id) WHERE redeliver = 1;
CREATE TABLE webhook_attempts (
    delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (id),
    attempt     INTEGER NOT NULL,
    at          INTEGER NOT NULL,
    http_status INTEGER,                         -- NULL: no HTTP answer (refused, timed out)
    error       TEXT NOT NULL,
    duration_ms INTEGER NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
) WITHOUT ROWID;
CREATE TABLE staff_acts (
    id          INTEGER PRIMARY KEY,
    staff_id    INTEGER NOT NULL REFERENCES accounts (id),
    customer_id INTEGER REFERENCES accounts (id),
    act         TEXT NOT NULL,
    detail      TEXT NOT NULL,                   -- JSON
    at          INTEGER NOT NULL
);
CREATE INDEX staff_acts_by_customer ON staff_acts (customer_id);
ALTER TABLE memberships ADD COLUMN renewal TEXT;  -- NULL until its end is processed: what auto-renew did
ALTER TABLE passes ADD COLUMN renewal TEXT;       -- NULL until its expiry is processed
CREATE INDEX memberships_to_renew ON memberships (ends_at) WHERE renewal IS NULL;
CREATE INDEX passes_to_renew ON passes (expires_at) WHERE renewal IS NULL;
)sql";

// 5: a short reference per order that customers read and type (store/order_reference.hpp); orders made
// before it keep only their long reference, which still finds them.
constexpr std::string_view order_short_references = R"sql(
ALTER TABLE orders ADD COLUMN short_reference TEXT;
CREATE UNIQUE INDEX orders_by_short_reference ON orders (short_reference) WHERE short_reference IS NOT NULL;
)sql";

// PostgreSQL 15: the same schema, so that the same application SQL runs on both. INTEGER is BIGINT (money,
// unix seconds and ids are int64); an id the code never gives is GENERATED BY DEFAULT AS IDENTITY;
// COLLATE NOCASE is CITEXT; the tables whose rows the code orders or finds by SQLite's rowid get a rowid
// identity column; triggers are plpgsql functions. Booleans stay BIGINT 0/1 and timestamps stay as SQLite
// has them. Case folding and text order match SQLite's only in a database with the C locale (CITEXT
// folds ASCII only, ORDER BY compares bytes): scripts/postgres.sh makes its clusters so.
namespace pg {

#ifdef ENCORE_UNSAFE_SEAT_CLAIMS
constexpr std::string_view catalog_and_seat_states = R"sql(
CREATE TABLE catalog (
    id         BIGINT PRIMARY KEY CHECK (id = 1),
    json       TEXT NOT NULL,
    etag       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE instance_versions (
    instance_id TEXT PRIMARY KEY,
    version     BIGINT NOT NULL DEFAULT 0 CHECK (version >= 0)
);
CREATE TABLE seat_states (
    instance_id     TEXT NOT NULL REFERENCES instance_versions (instance_id),
    seat_id         TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('held', 'reserved', 'sold', 'blocked')),
    changed_version BIGINT NOT NULL
);
CREATE INDEX seat_states_by_seat ON seat_states (instance_id, seat_id);
)sql";
#else
constexpr std::string_view catalog_and_seat_states = R"sql(
CREATE TABLE catalog (
    id         BIGINT PRIMARY KEY CHECK (id = 1),
    json       TEXT NOT NULL,
    etag       TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE instance_versions (
    instance_id TEXT PRIMARY KEY,
    version     BIGINT NOT NULL DEFAULT 0 CHECK (version >= 0)
);
CREATE TABLE seat_states (
    instance_id     TEXT NOT NULL REFERENCES instance_versions (instance_id),
    seat_id         TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('held', 'reserved', 'sold', 'blocked')),
    changed_version BIGINT NOT NULL,
    PRIMARY KEY (instance_id, seat_id)
);
)sql";
#endif

constexpr std::string_view accounts_holds_orders = R"sql(
CREATE EXTENSION IF NOT EXISTS citext;
CREATE TABLE accounts (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    email         CITEXT NOT NULL UNIQUE,
    name          CITEXT NOT NULL,               -- the customer search LIKEs it: SQLite's LIKE ignores ASCII case
    password_hash TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('customer', 'staff', 'admin')),
    tags          TEXT NOT NULL DEFAULT '[]',
    created_at    BIGINT NOT NULL
);
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    rowid      BIGINT GENERATED ALWAYS AS IDENTITY   -- ORDER BY rowid: newest session last
);
CREATE INDEX sessions_by_account ON sessions (account_id);

CREATE TABLE holds (
    token          TEXT PRIMARY KEY,
    account_id     BIGINT REFERENCES accounts (id),
    client_id      TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('basket', 'subscription', 'house')),
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL,
    max_expires_at BIGINT NOT NULL
);
CREATE INDEX holds_by_expiry ON holds (expires_at);
ALTER TABLE seat_states ADD COLUMN hold_token TEXT;
ALTER TABLE seat_states ADD COLUMN order_id BIGINT;
CREATE INDEX seat_states_by_hold ON seat_states (hold_token) WHERE hold_token IS NOT NULL;
CREATE INDEX seat_states_by_order ON seat_states (order_id) WHERE order_id IS NOT NULL;
CREATE TABLE seat_changes (
    instance_id TEXT NOT NULL,
    version     BIGINT NOT NULL,
    seat_id     TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('open', 'held', 'reserved', 'sold', 'blocked')),
    PRIMARY KEY (instance_id, version, seat_id)
);

CREATE TABLE orders (
    id             BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    reference      TEXT NOT NULL UNIQUE,
    account_id     BIGINT NOT NULL REFERENCES accounts (id),
    status         TEXT NOT NULL CHECK (status IN ('reserved', 'paid', 'lapsed', 'cancelled')),
    channel        TEXT NOT NULL,
    currency       TEXT NOT NULL,
    total          BIGINT NOT NULL,
    basket_json    TEXT NOT NULL,
    priced_json    TEXT NOT NULL,
    payment_method TEXT NOT NULL CHECK (payment_method IN ('invoice', 'card')),
    due_at         BIGINT,
    created_at     BIGINT NOT NULL,
    paid_at        BIGINT
);
CREATE INDEX orders_by_account ON orders (account_id);
CREATE INDEX orders_unpaid_by_due ON orders (due_at) WHERE status = 'reserved';
CREATE TABLE idempotency_keys (
    account_id   BIGINT NOT NULL REFERENCES accounts (id),
    key          TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    status       BIGINT NOT NULL,
    response     TEXT NOT NULL,
    created_at   BIGINT NOT NULL,
    rowid        BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,  -- pruning deletes WHERE rowid IN (...)
    PRIMARY KEY (account_id, key)
);
CREATE TABLE passes (
    code       TEXT PRIMARY KEY,
    pass_id    TEXT NOT NULL,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    order_id   BIGINT NOT NULL REFERENCES orders (id),
    expires_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    rowid      BIGINT GENERATED ALWAYS AS IDENTITY   -- ORDER BY rowid: an order's passes as issued
);
CREATE INDEX passes_by_account ON passes (account_id);
CREATE TABLE pass_redemptions (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code        TEXT NOT NULL REFERENCES passes (code),
    instance_id TEXT NOT NULL,
    seat_id     TEXT NOT NULL,
    order_id    BIGINT NOT NULL REFERENCES orders (id)
);
CREATE INDEX pass_redemptions_by_code ON pass_redemptions (code);
CREATE TABLE memberships (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    account_id    BIGINT NOT NULL REFERENCES accounts (id),
    membership_id TEXT NOT NULL,
    starts_at     BIGINT NOT NULL,
    ends_at       BIGINT NOT NULL,
    order_id      BIGINT NOT NULL REFERENCES orders (id)
);
CREATE INDEX memberships_by_account ON memberships (account_id);
CREATE TABLE subscriptions (
    id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    series_id  TEXT NOT NULL,
    group_id   TEXT NOT NULL,
    seat_id    TEXT NOT NULL,
    order_id   BIGINT NOT NULL REFERENCES orders (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX subscriptions_by_account ON subscriptions (account_id);
CREATE TABLE offer_uses (
    order_id   BIGINT NOT NULL REFERENCES orders (id),
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    offer_id   TEXT NOT NULL,
    tickets    BIGINT NOT NULL CHECK (tickets > 0),
    PRIMARY KEY (order_id, offer_id)
);
CREATE INDEX offer_uses_by_offer ON offer_uses (offer_id);
CREATE TABLE cards (
    token      TEXT PRIMARY KEY,
    account_id BIGINT NOT NULL REFERENCES accounts (id),
    brand      TEXT NOT NULL,
    last4      TEXT NOT NULL,
    expires    TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    rowid      BIGINT GENERATED ALWAYS AS IDENTITY   -- ORDER BY rowid: the latest card
);
CREATE INDEX cards_by_account ON cards (account_id);
CREATE TABLE test_provider_cards (
    token   TEXT PRIMARY KEY,
    outcome TEXT NOT NULL
);
CREATE TABLE payments (
    id         BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    order_id   BIGINT NOT NULL REFERENCES orders (id),
    method     TEXT NOT NULL CHECK (method IN ('invoice', 'card')),
    status     TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'declined', 'paid', 'lapsed')),
    amount     BIGINT NOT NULL,
    card_token TEXT,
    reference  TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX payments_by_order ON payments (order_id);
)sql";

constexpr std::string_view on_sale_day = R"sql(
CREATE TABLE offer_use_totals (
    offer_id TEXT PRIMARY KEY,
    tickets  BIGINT NOT NULL
);
INSERT INTO offer_use_totals (offer_id, tickets) SELECT offer_id, SUM(tickets) FROM offer_uses GROUP BY offer_id;
CREATE FUNCTION offer_uses_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO offer_use_totals AS t (offer_id, tickets) VALUES (NEW.offer_id, NEW.tickets)
        ON CONFLICT (offer_id) DO UPDATE SET tickets = t.tickets + excluded.tickets;
    RETURN NULL;
END $$;
CREATE TRIGGER offer_uses_counted AFTER INSERT ON offer_uses FOR EACH ROW EXECUTE FUNCTION offer_uses_counted();
CREATE FUNCTION offer_uses_uncounted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE offer_use_totals SET tickets = tickets - OLD.tickets WHERE offer_id = OLD.offer_id;
    RETURN NULL;
END $$;
CREATE TRIGGER offer_uses_uncounted AFTER DELETE ON offer_uses FOR EACH ROW EXECUTE FUNCTION offer_uses_uncounted();
ALTER TABLE seat_states ADD COLUMN owner TEXT;
CREATE INDEX seat_states_by_owner ON seat_states (owner, instance_id) WHERE owner IS NOT NULL;
ALTER TABLE seat_changes ADD COLUMN changed_at BIGINT NOT NULL DEFAULT 0;
CREATE INDEX seat_changes_by_age ON seat_changes (changed_at);
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
CREATE INDEX holds_by_account ON holds (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX holds_by_client ON holds (client_id) WHERE account_id IS NULL;
CREATE INDEX orders_unpaid_by_account ON orders (account_id) WHERE status = 'reserved';
)sql";

constexpr std::string_view renewals = R"sql(
CREATE TABLE subscribers (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    account_id  BIGINT NOT NULL REFERENCES accounts (id),
    lineage     TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    status      TEXT NOT NULL,
    package_id  TEXT NOT NULL,
    rows        BIGINT NOT NULL,
    next_due_at BIGINT
);
CREATE INDEX subscribers_by_account ON subscribers (account_id);
CREATE INDEX subscribers_by_package ON subscribers (package_id, status);
CREATE INDEX subscribers_due ON subscribers (next_due_at) WHERE next_due_at IS NOT NULL;
CREATE TABLE subscriber_history (
    subscriber_id BIGINT NOT NULL REFERENCES subscribers (id),
    sequence      BIGINT NOT NULL CHECK (sequence >= 1),
    at            BIGINT NOT NULL,
    action        TEXT NOT NULL,
    actor         TEXT NOT NULL,
    row_json      TEXT NOT NULL,
    PRIMARY KEY (subscriber_id, sequence)
);
CREATE FUNCTION subscriber_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'subscriber_history is append-only' USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER subscriber_history_is_append_only_update BEFORE UPDATE ON subscriber_history
    FOR EACH ROW EXECUTE FUNCTION subscriber_history_is_append_only();
CREATE TRIGGER subscriber_history_is_append_only_delete BEFORE DELETE ON subscriber_history
    FOR EACH ROW EXECUTE FUNCTION subscriber_history_is_append_only();
CREATE TRIGGER subscriber_history_is_append_only_truncate BEFORE TRUNCATE ON subscriber_history
    FOR EACH STATEMENT EXECUTE FUNCTION subscriber_history_is_append_only();
ALTER TABLE seat_states ADD COLUMN subscriber_id BIGINT;
CREATE INDEX seat_states_by_subscriber ON seat_states (subscriber_id) WHERE subscriber_id IS NOT NULL;
CREATE TABLE house_holds (
    instance_id TEXT NOT NULL,
    seat_id     TEXT NOT NULL,
    account_id  BIGINT NOT NULL REFERENCES accounts (id),
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (instance_id, seat_id)
);
CREATE TABLE scheduler_state (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE rollovers (
    from_package TEXT NOT NULL,
    to_package   TEXT NOT NULL,
    processed_at BIGINT NOT NULL,
    subscribers  BIGINT NOT NULL,
    PRIMARY KEY (from_package, to_package)
);
CREATE TABLE rollover_issues (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    from_package  TEXT NOT NULL,
    to_package    TEXT NOT NULL,
    subscriber_id BIGINT NOT NULL REFERENCES subscribers (id),
    seat_id       TEXT NOT NULL,
    code          TEXT NOT NULL,
    message       TEXT NOT NULL
);
CREATE INDEX rollover_issues_by_subscriber ON rollover_issues (subscriber_id);
CREATE TABLE renewal_invoices (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    reference     TEXT NOT NULL UNIQUE,
    subscriber_id BIGINT NOT NULL REFERENCES subscribers (id),
    package_id    TEXT NOT NULL,
    amount        BIGINT NOT NULL,
    due_at        BIGINT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'lapsed')),
    created_at    BIGINT NOT NULL,
    settled_at    BIGINT
);
CREATE INDEX renewal_invoices_by_subscriber ON renewal_invoices (subscriber_id);
CREATE TABLE renewal_payments (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    subscriber_id BIGINT NOT NULL REFERENCES subscribers (id),
    sequence      BIGINT NOT NULL,
    method        TEXT NOT NULL CHECK (method IN ('card', 'recorded')),
    amount        BIGINT NOT NULL,
    card_token    TEXT,
    reference     TEXT NOT NULL,
    taken_by      TEXT NOT NULL,
    created_at    BIGINT NOT NULL
);
CREATE INDEX renewal_payments_by_subscriber ON renewal_payments (subscriber_id);
CREATE TABLE webhook_endpoints (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    url         TEXT NOT NULL,
    secret      TEXT NOT NULL,
    description TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    removed_at  BIGINT
);
CREATE TABLE webhook_outbox (
    endpoint_id      BIGINT NOT NULL REFERENCES webhook_endpoints (id),
    subscriber_id    BIGINT NOT NULL REFERENCES subscribers (id),
    next_sequence    BIGINT NOT NULL,
    last_sequence    BIGINT NOT NULL,
    next_attempt_at  BIGINT NOT NULL,
    attempts         BIGINT NOT NULL DEFAULT 0,
    first_failure_at BIGINT,
    claimed_until    BIGINT,
    PRIMARY KEY (endpoint_id, subscriber_id)
);
CREATE INDEX webhook_outbox_ready ON webhook_outbox (next_attempt_at) WHERE next_sequence <= last_sequence;
CREATE TABLE webhook_deliveries (
    id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    endpoint_id   BIGINT NOT NULL REFERENCES webhook_endpoints (id),
    subscriber_id BIGINT NOT NULL,
    sequence      BIGINT NOT NULL,
    event_type    TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts      BIGINT NOT NULL DEFAULT 0,
    redeliver     BIGINT NOT NULL DEFAULT 0,
    created_at    BIGINT NOT NULL,
    delivered_at  BIGINT,
    UNIQUE (endpoint_id, subscriber_id, sequence)
);
CREATE INDEX webhook_deliveries_redeliver ON webhook_deliveries (id) WHERE redeliver = 1;
CREATE TABLE webhook_attempts (
    delivery_id BIGINT NOT NULL REFERENCES webhook_deliveries (id),
    attempt     BIGINT NOT NULL,
    at          BIGINT NOT NULL,
    http_status BIGINT,
    error       TEXT NOT NULL,
    duration_ms BIGINT NOT NULL,
    PRIMARY KEY (delivery_id, attempt)
);
CREATE TABLE staff_acts (
    id          BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    staff_id    BIGINT NOT NULL REFERENCES accounts (id),
    customer_id BIGINT REFERENCES accounts (id),
    act         TEXT NOT NULL,
    detail      TEXT NOT NULL,
    at          BIGINT NOT NULL
);
CREATE INDEX staff_acts_by_customer ON staff_acts (customer_id);
ALTER TABLE memberships ADD COLUMN renewal TEXT;
ALTER TABLE passes ADD COLUMN renewal TEXT;
CREATE INDEX memberships_to_renew ON memberships (ends_at) WHERE renewal IS NULL;
CREATE INDEX passes_to_renew ON passes (expires_at) WHERE renewal IS NULL;
)sql";

constexpr std::string_view order_short_references = R"sql(
ALTER TABLE orders ADD COLUMN short_reference TEXT;
CREATE UNIQUE INDEX orders_by_short_reference ON orders (short_reference) WHERE short_reference IS NOT NULL;
)sql";

}  // namespace pg

// 6: what several servers on one database share besides the data: the rate limiter's token buckets
// (store/shared_token_buckets.hpp; a single server keeps them in memory and leaves this table empty).
constexpr std::string_view shared_rate_buckets = R"sql(
CREATE TABLE rate_buckets (
    key          TEXT PRIMARY KEY,
    tokens_milli INTEGER NOT NULL,
    refilled_ms  INTEGER NOT NULL,
    admitted     INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX rate_buckets_by_age ON rate_buckets (refilled_ms);
)sql";

namespace pg {
constexpr std::string_view shared_rate_buckets = R"sql(
CREATE TABLE rate_buckets (
    key          TEXT PRIMARY KEY,
    tokens_milli BIGINT NOT NULL,
    refilled_ms  BIGINT NOT NULL,
    admitted     BIGINT NOT NULL
);
CREATE INDEX rate_buckets_by_age ON rate_buckets (refilled_ms);
)sql";
}  // namespace pg

constexpr std::array<Migration, 6> all_migrations{{
    {1, "catalog_and_seat_states", catalog_and_seat_states, pg::catalog_and_seat_states},
    {2, "accounts_holds_orders", accounts_holds_orders, pg::accounts_holds_orders},
    {3, "on_sale_day", on_sale_day, pg::on_sale_day},
    {4, "renewals", renewals, pg::renewals},
    {5, "order_short_references", order_short_references, pg::order_short_references},
    {6, "shared_rate_buckets", shared_rate_buckets, pg::shared_rate_buckets},
}};


}  // namespace

std::span<const Migration> migrations() { return all_migrations; }

}  // namespace encore::server
