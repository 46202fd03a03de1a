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
