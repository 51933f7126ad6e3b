// HTTP for subscriber records: a customer's own (list, one, its history, an action) and the box office's
// (any record, the campaign's list, an action on the customer's behalf).
#pragma once
#include "context/server_context.hpp"
#include "store/account_store.hpp"

namespace httplib {
struct Request;
struct Response;
}  // namespace httplib

namespace encore::server {

// GET /api/me/subscriber-records: {"subscriber_records": [view, ...]}
void get_my_subscriber_records(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// GET /api/me/subscriber-records/{id}: {"subscriber_record": view}
void get_my_subscriber_record(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// GET /api/me/subscriber-records/{id}/history: {"history": [...]}
void get_my_subscriber_history(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// POST /api/me/subscriber-records/{id}/actions
void post_my_subscriber_action(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);

// GET /api/staff/subscriber-records?package=&status=&limit=&after=: {"subscriber_records": [summary, ...], "next_after"}
void get_staff_subscriber_records(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// GET /api/staff/subscriber-records/{id}: {"subscriber_record": view, "history": [...]}
void get_staff_subscriber_record(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);
// POST /api/staff/subscriber-records/{id}/actions
void post_staff_subscriber_action(ServerContext& ctx, const Account& caller, const httplib::Request& req, httplib::Response& res);

}  // namespace encore::server
