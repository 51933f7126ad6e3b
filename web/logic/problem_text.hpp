// Turns a failed API answer into words a customer understands: known problem codes get Encore's own
// sentence, anything else the server's problem+json detail, and a network failure says so.
#pragma once
#include <string>

#include "logic/http_client.hpp"

namespace web {

// `doing` names the action for the fallback, e.g. "place your order".
std::string problem_words(const HttpAnswer& answer, const char* doing);

}  // namespace web
