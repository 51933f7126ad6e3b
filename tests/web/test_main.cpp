// Catch2 entry point for the web client logic's native tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
