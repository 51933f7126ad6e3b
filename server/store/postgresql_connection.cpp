// PostgreSQL engine: text parameters and results, a whole result fetched per step() from the first,
// SQLSTATE 40001/40P01 reported as conflicts and a broken connection as lost.
#include "store/postgresql_connection.hpp"

#include <libpq-fe.h>

#include <cstdlib>
#include <memory>
#include <optional>
#include <vector>

#include "store/postgresql_sql.hpp"

namespace encore::server::postgresql {
namespace {

using db::Error;

struct ResultDeleter {
    void operator()(PGresult* result) const { PQclear(result); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

Error::Kind kind_of(PGconn* conn, const PGresult* result) {
    if (PQstatus(conn) != CONNECTION_OK) return Error::Kind::lost;
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    if (!state) return Error::Kind::other;
    const std::string_view code(state);
    if (code == "40001" || code == "40P01") return Error::Kind::conflict;
    // Too many connections, or the server's memory for serializable transactions ran out: a moment later
    // the same transaction may well pass.
    if (code.starts_with("53")) return Error::Kind::conflict;
    if (code.starts_with("08") || code == "57P01" || code == "57P02" || code == "57P03") return Error::Kind::lost;
    return Error::Kind::other;
}

// Throws unless `result` succeeded.
Result checked(PGconn* conn, PGresult* raw, std::string_view what) {
    Result result(raw);
    const auto status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return result;
    std::string message = result ? PQresultErrorMessage(result.get()) : PQerrorMessage(conn);
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
    throw Error(std::string(what) + ": " + message, kind_of(conn, result.get()));
}

class PreparedStatement final : public db::StatementBackend {
public:
    PreparedStatement(Connection& connection, std::string_view sql)
        : connection_(&connection), name_(connection.prepared(db::postgresql_sql(sql))) {}

    void bind_text(int index, std::string_view text) override { slot(index) = std::string(text); }
    void bind_integer(int index, std::int64_t number) override { slot(index) = std::to_string(number); }
    void bind_null(int index) override { slot(index).reset(); }

    bool step() override {
        if (!result_) execute();
        return ++row_ < PQntuples(result_.get());
    }
    void reset() override {
        result_.reset();
        row_ = -1;
        parameters_.clear();
    }
    std::string text(int column) const override {
        return std::string(PQgetvalue(result_.get(), row_, column),
                           static_cast<std::size_t>(PQgetlength(result_.get(), row_, column)));
    }
    std::int64_t integer(int column) const override {
        const char* value = PQgetvalue(result_.get(), row_, column);
        if (value[0] == 't' && value[1] == 0) return 1;  // a boolean expression
        if (value[0] == 'f' && value[1] == 0) return 0;
        return std::strtoll(value, nullptr, 10);
    }
    bool is_null(int column) const override { return PQgetisnull(result_.get(), row_, column) != 0; }

private:
    std::optional<std::string>& slot(int index) {
        if (parameters_.size() < static_cast<std::size_t>(index)) parameters_.resize(static_cast<std::size_t>(index));
        return parameters_[static_cast<std::size_t>(index) - 1];
    }
    void execute() {
        std::vector<const char*> values;
        for (const auto& parameter : parameters_) values.push_back(parameter ? parameter->c_str() : nullptr);
        PGconn* conn = connection_->handle();
        result_ = checked(conn,
                          PQexecPrepared(conn, name_.c_str(), static_cast<int>(values.size()), values.data(), nullptr,
                                         nullptr, 0),
                          "statement");
        const char* affected = PQcmdTuples(result_.get());
        connection_->set_changes(affected && *affected ? std::strtoll(affected, nullptr, 10) : 0);
        row_ = -1;
    }

    Connection* connection_;
    std::string name_;
    std::vector<std::optional<std::string>> parameters_;
    Result result_;
    int row_ = -1;
};

}  // namespace

Connection::Connection(const std::string& url) : conn_(PQconnectdb(url.c_str())) {
    if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
        std::string message = conn_ ? PQerrorMessage(conn_) : "out of memory";
        while (!message.empty() && message.back() == '\n') message.pop_back();
        PQfinish(conn_);
        conn_ = nullptr;
        throw Error("cannot connect to PostgreSQL: " + message, Error::Kind::lost);
    }
    execute(
        "SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL SERIALIZABLE; "
        "SET client_min_messages = warning; SET TIME ZONE 'UTC'");
}

Connection::~Connection() { PQfinish(conn_); }

bool Connection::usable() const { return PQstatus(conn_) == CONNECTION_OK; }

void Connection::execute(std::string_view sql) {
    checked(conn_, PQexec(conn_, std::string(sql).c_str()), "execute");
    changes_ = 0;
}

const std::string& Connection::prepared(const std::string& sql) {
    auto found = prepared_.find(sql);
    if (found != prepared_.end()) return found->second;
    std::string name = "s" + std::to_string(prepared_.size() + 1);
    checked(conn_, PQprepare(conn_, name.c_str(), sql.c_str(), 0, nullptr), "prepare");
    return prepared_.emplace(sql, std::move(name)).first->second;
}

db::Statement Connection::prepare(std::string_view sql) {
    return db::Statement(std::make_unique<PreparedStatement>(*this, sql));
}

void Connection::begin(TransactionKind) { execute("BEGIN"); }

void Connection::commit() {
    Result result = checked(conn_, PQexec(conn_, "COMMIT"), "commit");
    // COMMIT of a transaction that failed answers ROLLBACK rather than an error.
    if (std::string_view(PQcmdStatus(result.get())) == "ROLLBACK")
        throw Error("commit: the transaction had failed and was rolled back", Error::Kind::other);
}

void Connection::rollback() {
    if (!usable() || PQtransactionStatus(conn_) == PQTRANS_IDLE) return;  // a failed COMMIT already ended it
    PQclear(PQexec(conn_, "ROLLBACK"));
}

}  // namespace encore::server::postgresql
