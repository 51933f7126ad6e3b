// Random version-4 UUIDs from the browser's crypto.getRandomValues (the logic's Idempotency-Keys).
#pragma once
#include <string>

namespace web {

std::string random_uuid();

}  // namespace web
