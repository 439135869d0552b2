# candor_module(<name> HEADERS <header>...): lib/<name>/ as the OBJECT library
# candor_<name>; the shared and static libraries are made of these objects
# (CMakeLists.txt). HEADERS: the public headers (include/candor/) the module
# implements; layers_public_headers (tests/layers/check_layers.cmake) checks
# that a module includes no other module's public header unless it links it.
#
# What a module's sources may include (lib/README.md, "Layers"):
#   <candor/x.hpp>     the public C++ API (include/candor/), open to all;
#   "x.hpp"            the module's own private headers, next to its sources
#                      in lib/<name>/, a directory no other target searches;
#   "<dep>/x.hpp"      what module <dep> exports to the modules that use it,
#                      lib/<dep>/export/<dep>/x.hpp, searched only by targets
#                      that link candor_<dep> (target_link_libraries).
# No target searches lib/ itself, so a module that includes another's private
# header, or the exports of a module it does not link, fails to compile
# (the layers_* tests in tests/CMakeLists.txt show it).
#
# candor_<name>_internals: the module's include path plus lib/<name>/, for
# the module's own tests and benchmarks, which may test its private parts.
function(candor_module name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "HEADERS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "candor_module(${name}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  set(dir ${PROJECT_SOURCE_DIR}/lib/${name})
  file(GLOB sources CONFIGURE_DEPENDS ${dir}/*.cc)
  add_library(candor_${name} OBJECT ${sources})
  target_include_directories(candor_${name} PUBLIC ${PROJECT_SOURCE_DIR}/include)
  if(IS_DIRECTORY ${dir}/export)
    target_include_directories(candor_${name} PUBLIC ${dir}/export)
  endif()
  target_compile_options(candor_${name} PRIVATE ${CANDOR_WARNINGS})
  set_target_properties(candor_${name} PROPERTIES CANDOR_PUBLIC_HEADERS "${arg_HEADERS}")

  add_library(candor_${name}_internals INTERFACE)
  target_include_directories(candor_${name}_internals INTERFACE
    $<TARGET_PROPERTY:candor_${name},INCLUDE_DIRECTORIES> ${dir})
endfunction()
