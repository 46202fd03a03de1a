# NN_SANITIZE=ON: AddressSanitizer + UndefinedBehaviorSanitizer on every target, plus Eigen's
# NaN-initialised matrices so reads of uninitialised storage show up as NaN failures.
if(NN_SANITIZE)
  if(MSVC OR EMSCRIPTEN)
    message(FATAL_ERROR "NN_SANITIZE needs gcc or clang on a native build")
  endif()
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
  add_compile_definitions(EIGEN_INITIALIZE_MATRICES_BY_NAN)
endif()

# NN_FUZZ=ON: libFuzzer builds (clang only). Every library gets ASan + UBSan and the fuzzer's
# coverage instrumentation without its main (fuzzer-no-link); the targets in tests/fuzz link the
# libFuzzer main with -fsanitize=fuzzer. UB aborts, as a fuzzer needs it to.
if(NN_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang" OR EMSCRIPTEN)
    message(FATAL_ERROR "NN_FUZZ needs clang (CXX=clang++-14) on a native build")
  endif()
  if(NN_SANITIZE)
    message(FATAL_ERROR "NN_FUZZ already sanitizes; do not combine it with NN_SANITIZE")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
