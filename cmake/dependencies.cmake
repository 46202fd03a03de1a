# Header-only host packages. Under emcmake the toolchain restricts find_package to its sysroot,
# so the host's config files are searched outside the find root.
if(EMSCRIPTEN)
  find_package(Eigen3 3.3 REQUIRED NO_MODULE NO_CMAKE_FIND_ROOT_PATH)
else()
  find_package(Eigen3 3.3 REQUIRED NO_MODULE)
endif()

# nlohmann/json, for engine/bridge only, as the interface target nn_json. Under Emscripten the
# imported target would add -isystem /usr/include and em++ would then pick glibc's headers, so
# only the nlohmann/ folder is exposed, through a symlink in the build tree.
if(EMSCRIPTEN)
  find_path(NN_NLOHMANN_DIR nlohmann/json.hpp PATHS /usr/include /usr/local/include
            NO_CMAKE_FIND_ROOT_PATH REQUIRED)
  set(NN_JSON_INCLUDE ${CMAKE_BINARY_DIR}/nn-json-include)
  file(MAKE_DIRECTORY ${NN_JSON_INCLUDE})
  if(NOT EXISTS ${NN_JSON_INCLUDE}/nlohmann)
    file(CREATE_LINK ${NN_NLOHMANN_DIR}/nlohmann ${NN_JSON_INCLUDE}/nlohmann SYMBOLIC)
  endif()
  add_library(nn_json INTERFACE)
  target_include_directories(nn_json SYSTEM INTERFACE ${NN_JSON_INCLUDE})
else()
  find_package(nlohmann_json 3 REQUIRED)
  add_library(nn_json INTERFACE)
  target_link_libraries(nn_json INTERFACE nlohmann_json::nlohmann_json)
endif()
