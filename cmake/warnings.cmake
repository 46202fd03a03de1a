# nn_set_warnings(target): the warning set for nnplay's own code (third-party headers are SYSTEM).
function(nn_set_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4)
    if(NN_WERROR)
      target_compile_options(${target} PRIVATE /WX)
    endif()
    return()
  endif()
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wnon-virtual-dtor -Woverloaded-virtual
    -Wcast-align -Wdouble-promotion -Wformat=2)
  if(NN_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# nn_set_test_warnings(target): a lighter set for test code, still -Werror in CI.
function(nn_set_test_warnings target)
  if(NOT MSVC)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wshadow)
    if(NN_WERROR)
      target_compile_options(${target} PRIVATE -Werror)
    endif()
  endif()
endfunction()
