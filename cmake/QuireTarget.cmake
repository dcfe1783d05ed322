# quire_target(target): what every target of ours gets: warnings, and the
# sanitizers when QUIRE_SANITIZE is on (per target, so nothing else we might
# build from source is instrumented by accident).
function(quire_target target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
                         -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual)
  # GCC's shadowing of locals only (clang, as the fuzz build uses, has no -Wshadow=local).
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wshadow=local)
  endif()
  if(QUIRE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(QUIRE_SANITIZE)
    target_compile_options(${target} PRIVATE
      -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    get_target_property(type ${target} TYPE)
    if(NOT type STREQUAL "STATIC_LIBRARY")
      target_link_options(${target} PRIVATE -fsanitize=address,undefined)
    endif()
  endif()
endfunction()
