# Header-only dependencies for the wasm build. Never add -I/usr/include to em++ (it breaks libc),
# so only the header-only libraries are linked into the build tree.
set(ENCORE_HOSTINC ${CMAKE_BINARY_DIR}/hostinc)
file(MAKE_DIRECTORY ${ENCORE_HOSTINC})
foreach(dir nlohmann catch2)
  if(NOT EXISTS ${ENCORE_HOSTINC}/${dir})
    file(CREATE_LINK /usr/include/${dir} ${ENCORE_HOSTINC}/${dir} SYMBOLIC)
  endif()
endforeach()
add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
target_include_directories(nlohmann_json::nlohmann_json SYSTEM INTERFACE ${ENCORE_HOSTINC})
add_library(Catch2::Catch2 INTERFACE IMPORTED)
target_include_directories(Catch2::Catch2 SYSTEM INTERFACE ${ENCORE_HOSTINC})
target_compile_definitions(Catch2::Catch2 INTERFACE CATCH_CONFIG_NO_POSIX_SIGNALS)
# nlohmann/json reports malformed input by throwing: exceptions must be caught in wasm too. Native
# wasm exceptions (node 20, Chromium) avoid the JavaScript glue of emulated ones, a fifth of pricing time.
add_compile_options(-fwasm-exceptions)
add_link_options(-fwasm-exceptions -sALLOW_MEMORY_GROWTH=1)
set(ENCORE_IMGUI_DIR "${CMAKE_SOURCE_DIR}/.deps/imgui" CACHE PATH "Dear ImGui sources (apt-get source imgui)")
