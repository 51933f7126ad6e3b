// encore-server: turns the command line into Options and runs the server.
#include <signal.h>

#include <iostream>
#include <string>
#include <variant>
#include <vector>

#include "app/command_line.hpp"
#include "app/serve.hpp"

int main(int argc, char** argv) {
    using namespace encore::server;
    signal(SIGPIPE, SIG_IGN);
    ParsedOptions parsed = parse_options(std::vector<std::string>(argv + 1, argv + argc));
    if (std::holds_alternative<HelpRequested>(parsed)) {
        std::cout << help_text();
        return 0;
    }
    if (const auto* error = std::get_if<UsageError>(&parsed)) {
        std::cerr << "encore-server: " << error->message << "\n" << usage_line() << "\n";
        return 2;
    }
    return serve(std::get<Options>(parsed));
}
