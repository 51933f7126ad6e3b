// encore-server: turns the command line into Options and runs the server (or, as
// `encore-server import-subscribers ...`, imports existing subscribers from CSV).
#include <signal.h>

#include <iostream>
#include <string>
#include <variant>
#include <vector>

#include "app/command_line.hpp"
#include "app/serve.hpp"
#include "renewals/subscriber_import.hpp"

int main(int argc, char** argv) {
    using namespace encore::server;
    signal(SIGPIPE, SIG_IGN);
    if (argc > 1 && std::string(argv[1]) == "import-subscribers")
        return import_subscribers_command(std::vector<std::string>(argv + 2, argv + argc));
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
