// Force-included into every source of encore_store (see CMakeLists.txt): the store speaks no HTTP, so
// any mention of cpp-httplib in it (an include, a forward declaration) fails to compile right there.
#pragma once
#pragma GCC poison httplib
