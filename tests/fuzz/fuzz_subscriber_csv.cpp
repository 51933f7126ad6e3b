// The subscriber import's CSV (encore::read_subscriber_csv) against the demo catalog: never a crash,
// and either every row is imported or there are problems, never both.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "encore/subscriber_import.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace encore;
    const std::string_view csv(reinterpret_cast<const char*>(data), size);
    const SubscriberImport result = read_subscriber_csv(csv, fuzz::demo_catalog(), Instant{1796400000});
    if (!result.problems.empty() && !result.subscribers.empty()) fuzz::property_failed("rows imported despite problems");
    for (const ImportedSubscriber& subscriber : result.subscribers)
        (void)import_history(subscriber, Actor{}, Instant{1796400000});
    return 0;
}
