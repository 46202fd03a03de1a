# Header-only host packages. Under emcmake the toolchain restricts find_package to its sysroot,
# so the host's config files are searched outside the find root.
if(EMSCRIPTEN)
  find_package(Eigen3 3.3 REQUIRED NO_MODULE NO_CMAKE_FIND_ROOT_PATH)
else()
  find_package(Eigen3 3.3 REQUIRED NO_MODULE)
endif()
