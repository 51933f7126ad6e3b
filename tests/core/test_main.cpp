// Catch2 entry point for the core's unit tests (native and wasm).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
