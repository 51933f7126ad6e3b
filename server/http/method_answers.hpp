// Answers for the methods a path does not have: 405 with an Allow header naming those it has, and,
// where the list names OPTIONS, an OPTIONS answer with that list.
#pragma once
#include <string>

namespace httplib {
class Server;
}

namespace encore::server {

// `allowed` is the Allow header's value, e.g. "GET, HEAD, OPTIONS" or "GET, DELETE".
void install_method_answers(httplib::Server& server, const char* pattern, const std::string& allowed);

}  // namespace encore::server
