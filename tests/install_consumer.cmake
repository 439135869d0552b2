# Installs the build tree (stripped, as the packages are) into a scratch
# prefix, checks what is installed, and builds consumers against it:
#   - examples/consumer with find_package(candor): C and C++, shared and static;
#   - tests/install/c_static: a C-only CMake project linking candor_static;
#   - pkg-config: C against the shared library with only candor.pc visible,
#     and C against libcandor.a with `pkg-config --static`;
#   - tests/install/cxx_shared: C++ on the shared library with Abseil, ICU,
#     CLD2 and Snowball hidden from find_package/find_library (a machine
#     without their -dev packages), and tests/install/static_required, which
#     must then fail to configure.
# Nothing here rebuilds candor: the consumers are a few files each.
file(REMOVE_RECURSE ${SCRATCH})
set(prefix ${SCRATCH}/prefix)

function(check_run)  # check_run(WHAT <what> COMMAND <args...>): runs, fails loudly
  cmake_parse_arguments(arg "" "WHAT" "COMMAND" ${ARGN})
  execute_process(COMMAND ${arg_COMMAND} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(rc)
    message(FATAL_ERROR "${arg_WHAT} failed (${rc}):\n${out}\n${err}")
  endif()
endfunction()

function(expect_nps program)  # runs a consumer on the sample; it must print an NPS
  execute_process(COMMAND ${program} ${SAMPLE} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                  ERROR_VARIABLE err)
  if(rc OR NOT out MATCHES "NPS")
    message(FATAL_ERROR "${program} failed (${rc}): ${out} ${err}")
  endif()
  message(STATUS "${program}: ${out}")
endfunction()

check_run(WHAT "cmake --install --strip"
          COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix} --strip)

# ---------------------------------------------------------------- contents
foreach(f include/candor.h include/candor/score.hpp lib/cmake/candor/candorConfig.cmake
          lib/cmake/candor/candorTargets.cmake lib/cmake/candor/candorStaticTargets.cmake
          lib/pkgconfig/candor.pc lib/libcandor.a lib/libcandor.so
          share/candor/taxonomies/cx_starter.json
          share/doc/candor/LICENSE share/doc/candor/THIRD-PARTY.md share/doc/candor/CHANGELOG.md)
  if(NOT EXISTS ${prefix}/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
# The sample's README documents the repository, not the install.
if(EXISTS ${prefix}/share/candor/README.md)
  message(FATAL_ERROR "share/candor/README.md is installed")
endif()
file(READ ${prefix}/share/doc/candor/LICENSE licence)
if(NOT licence MATCHES "Apache License" OR NOT licence MATCHES "Version 2.0, January 2004")
  message(FATAL_ERROR "share/doc/candor/LICENSE is not the Apache License 2.0")
endif()
# Stripped: no debug information in the shared library (the dev build has it).
find_program(READELF readelf REQUIRED)
file(REAL_PATH ${prefix}/lib/libcandor.so shared_library)
execute_process(COMMAND ${READELF} -S ${shared_library} OUTPUT_VARIABLE sections)
if(sections MATCHES "\\.debug_info")
  message(FATAL_ERROR "the installed libcandor.so has debug information")
endif()
file(SIZE ${shared_library} size)
message(STATUS "installed libcandor.so: ${size} bytes")
# The exported targets name candor::cld2 and candor::stemmer, not this
# machine's library paths; the shared library's targets name no dependency.
file(GLOB target_files ${prefix}/lib/cmake/candor/candor*Targets*.cmake)
foreach(f IN LISTS target_files)
  file(READ ${f} text)
  if(text MATCHES "[^ ;\"]*lib(cld2|stemmer)[^ ;\"]*")
    message(FATAL_ERROR "${f} names a library path: ${CMAKE_MATCH_0}")
  endif()
endforeach()
file(READ ${prefix}/lib/cmake/candor/candorTargets.cmake text)
if(text MATCHES "absl::|ICU::|candor::cld2|candor::stemmer")
  message(FATAL_ERROR "candorTargets.cmake (the shared library) names a private dependency")
endif()

# CPack (cmake/package.cmake): a .deb and a .tar.gz, stripped. Building
# them needs the release build (scripts/package.sh), checked by hand.
file(READ ${BUILD_DIR}/CPackConfig.cmake cpack)
foreach(setting [[CPACK_GENERATOR "DEB;TGZ"]] [[CPACK_STRIP_FILES "ON"]]
                [[CPACK_DEBIAN_PACKAGE_SHLIBDEPS "ON"]])
  string(FIND "${cpack}" "set(${setting})" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "CPackConfig.cmake lacks set(${setting})")
  endif()
endforeach()

# ---------------------------------------------------------------- CMake consumers
check_run(WHAT "configuring examples/consumer"
          COMMAND ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE} -B ${SCRATCH}/build
                  -DCMAKE_PREFIX_PATH=${prefix})
check_run(WHAT "building examples/consumer" COMMAND ${CMAKE_COMMAND} --build ${SCRATCH}/build)
foreach(program consumer_shared consumer_static consumer_cxx)
  expect_nps(${SCRATCH}/build/${program})
endforeach()

# C only: no C++ compiler enabled in the consumer, static library.
check_run(WHAT "configuring the C-only static consumer"
          COMMAND ${CMAKE_COMMAND} -S ${TESTS_SOURCE}/install/c_static -B ${SCRATCH}/c_static
                  -DCMAKE_PREFIX_PATH=${prefix} -DCONSUMER_C=${CONSUMER_SOURCE}/consumer.c)
check_run(WHAT "building the C-only static consumer"
          COMMAND ${CMAKE_COMMAND} --build ${SCRATCH}/c_static)
execute_process(COMMAND ${READELF} -d ${SCRATCH}/c_static/consumer_c_static
                OUTPUT_VARIABLE dynamic)
if(dynamic MATCHES "libcandor\\.so")
  message(FATAL_ERROR "consumer_c_static links libcandor.so, not libcandor.a")
endif()
expect_nps(${SCRATCH}/c_static/consumer_c_static)

# C++ on the shared library, with the private dependencies' packages hidden:
# find_* search nothing under /usr, /usr/local or / (Debian's /lib is
# /usr/lib), and Abseil and ICU are disabled outright.
file(WRITE ${SCRATCH}/hide_private_dependencies.cmake [[
set(CMAKE_IGNORE_PREFIX_PATH /usr /usr/local / CACHE STRING "")
set(CMAKE_DISABLE_FIND_PACKAGE_absl ON CACHE BOOL "")
set(CMAKE_DISABLE_FIND_PACKAGE_ICU ON CACHE BOOL "")
]])
set(hide_private_dependencies -C ${SCRATCH}/hide_private_dependencies.cmake)
check_run(WHAT "configuring the C++ shared consumer without the private dependencies"
          COMMAND ${CMAKE_COMMAND} -S ${TESTS_SOURCE}/install/cxx_shared -B ${SCRATCH}/cxx_shared
                  -DCMAKE_PREFIX_PATH=${prefix} ${hide_private_dependencies})
check_run(WHAT "building the C++ shared consumer"
          COMMAND ${CMAKE_COMMAND} --build ${SCRATCH}/cxx_shared)
expect_nps(${SCRATCH}/cxx_shared/consumer_cxx_shared)
execute_process(COMMAND ${CMAKE_COMMAND} -S ${TESTS_SOURCE}/install/static_required
                        -B ${SCRATCH}/static_required -DCMAKE_PREFIX_PATH=${prefix}
                        ${hide_private_dependencies}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
string(REGEX REPLACE "[ \n]+" " " err "${err}")
if(NOT rc OR NOT err MATCHES "candor::candor_static needs absl, ICU, libcld2, libstemmer")
  message(FATAL_ERROR "find_package(candor COMPONENTS static) without its dependencies "
                      "should fail naming them (${rc}):\n${out}\n${err}")
endif()

# ---------------------------------------------------------------- pkg-config
find_program(PKG_CONFIG pkg-config REQUIRED)
find_program(CC NAMES cc gcc REQUIRED)
# Shared: only candor.pc is visible, as on a machine without the -dev
# packages of the private dependencies.
set(ENV{PKG_CONFIG_LIBDIR} ${prefix}/lib/pkgconfig)
set(ENV{PKG_CONFIG_PATH} "")
execute_process(COMMAND ${PKG_CONFIG} --cflags --libs candor
                OUTPUT_VARIABLE flags RESULT_VARIABLE rc ERROR_VARIABLE err
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(rc)
  message(FATAL_ERROR "pkg-config --cflags --libs candor failed with only candor.pc: ${err}")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
check_run(WHAT "compiling with pkg-config flags (${flags})"
          COMMAND ${CC} ${CONSUMER_SOURCE}/consumer.c -o ${SCRATCH}/consumer_pc ${flags})
set(ENV{LD_LIBRARY_PATH} ${prefix}/lib)
expect_nps(${SCRATCH}/consumer_pc)
unset(ENV{LD_LIBRARY_PATH})

# Static: a C program, linked by the C compiler with what
# `pkg-config --static --libs candor` says, against libcandor.a.
unset(ENV{PKG_CONFIG_LIBDIR})
set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig)
execute_process(COMMAND ${PKG_CONFIG} --static --cflags --libs candor
                OUTPUT_VARIABLE flags RESULT_VARIABLE rc ERROR_VARIABLE err
                OUTPUT_STRIP_TRAILING_WHITESPACE)
if(rc)
  message(FATAL_ERROR "pkg-config --static --cflags --libs candor failed: ${err}")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
list(TRANSFORM flags REPLACE "^-lcandor$" "${prefix}/lib/libcandor.a")
check_run(WHAT "compiling statically with pkg-config flags (${flags})"
          COMMAND ${CC} ${CONSUMER_SOURCE}/consumer.c -o ${SCRATCH}/consumer_pc_static ${flags})
execute_process(COMMAND ${READELF} -d ${SCRATCH}/consumer_pc_static OUTPUT_VARIABLE dynamic)
if(dynamic MATCHES "libcandor\\.so")
  message(FATAL_ERROR "consumer_pc_static links libcandor.so, not libcandor.a")
endif()
expect_nps(${SCRATCH}/consumer_pc_static)
