// WCAG 2.1 AA contrast of the box office's palette: the formula on known colours, then every text/background
// and mark/background pair the UI draws (logic/palette.hpp).
#include <catch2/catch.hpp>

#include "logic/contrast.hpp"

TEST_CASE("the contrast formula gives WCAG's known ratios", "[contrast]") {
    CHECK(web::contrast_ratio({0, 0, 0}, {255, 255, 255}) == Approx(21.0));
    CHECK(web::contrast_ratio({255, 255, 255}, {255, 255, 255}) == Approx(1.0));
    CHECK(web::contrast_ratio({118, 118, 118}, {255, 255, 255}) == Approx(4.54).epsilon(0.01));  // the AA grey
    CHECK(web::contrast_ratio({255, 255, 255}, {0, 0, 0}) == web::contrast_ratio({0, 0, 0}, {255, 255, 255}));
}

TEST_CASE("every colour pair of the palette passes WCAG AA", "[contrast]") {
    std::vector<web::ContrastPair> pairs = web::palette_contrast_pairs();
    REQUIRE(pairs.size() > 30);
    for (const web::ContrastPair& p : pairs) {
        double ratio = web::contrast_ratio(p.foreground, p.background);
        INFO(p.what << ": " << ratio << ":1, needs " << p.minimum << ":1");
        CHECK(ratio >= p.minimum);
    }
}
