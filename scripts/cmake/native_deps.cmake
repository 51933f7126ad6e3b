# System libraries for the native build (Debian 12 packages installed by scripts/setup.sh).
find_package(nlohmann_json 3.11 REQUIRED)
find_package(Catch2 2 REQUIRED)
find_package(PkgConfig REQUIRED)
# pkg-config carries the -D flags Debian's libcpp-httplib.so was built with; without them clients segfault.
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
find_package(SQLite3 REQUIRED)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
# The front end inflates compressed request bodies itself, with a cap (server/http/content_coding.cpp).
find_package(ZLIB REQUIRED)
pkg_check_modules(BROTLIDEC REQUIRED IMPORTED_TARGET libbrotlidec)
find_package(Threads REQUIRED)
add_compile_options(-Wall -Wextra -Wno-restrict)  # -Wrestrict: GCC 12 false positives in <string>
