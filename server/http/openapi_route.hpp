// GET /api/openapi.json: the OpenAPI 3.0 description of the whole API (server/http/openapi.json,
// embedded into the binary at build time, so the server needs no file at run time).
#pragma once

namespace httplib {
struct Response;
}

namespace encore::server {

// Answers 200 with the document as application/json.
void send_openapi_document(httplib::Response& res);

}  // namespace encore::server
