// The API's problem codes: one list, every code distinct and read back.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "encore/api_problems.hpp"

using namespace encore;

TEST_CASE("every API problem has its own code, read back by api_problem_from_code", "[api_problems]") {
    std::set<std::string> seen;
    const int last = static_cast<int>(ApiProblem::delivery_not_found);
    for (int i = 0; i <= last; ++i) {
        const auto problem = static_cast<ApiProblem>(i);
        const std::string code{api_problem_code(problem)};
        INFO("problem " << i << " code " << code);
        CHECK(seen.insert(code).second);
        CHECK(api_problem_from_code(code) == problem);
        for (char c : code) CHECK(((c >= 'a' && c <= 'z') || c == '_'));
    }
    CHECK(seen.size() == static_cast<std::size_t>(last + 1));
    CHECK(api_problem_code(ApiProblem::seats_unavailable) == "seats_unavailable");
    CHECK_FALSE(api_problem_from_code("no_such_code"));
}
