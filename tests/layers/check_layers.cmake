# What the layering rules need beyond the compiler (tests/layers/CMakeLists.txt):
#  - a module includes <candor/x.hpp> only when x.hpp is its own public header
#    or one of a module it links, directly or through the modules it links;
#  - no #include "../..." (a path out of the including file's folder, around
#    the include path) in lib/, capi/, cli/, tests/, bench/, fuzz/, examples/;
#  - every header of include/candor/ belongs to exactly one module.
# MANIFEST: lines "module|header,header|link,link" (tests/layers/CMakeLists.txt).
# EXTRA_MODULE, EXTRA_FILE: a file checked as if it were in lib/EXTRA_MODULE/.
cmake_minimum_required(VERSION 3.25)

file(STRINGS ${MANIFEST} lines)
set(modules "")
foreach(line IN LISTS lines)
  string(REPLACE "|" ";" fields "${line}")
  list(GET fields 0 module)
  list(GET fields 1 headers)
  list(GET fields 2 links)
  string(REPLACE "," ";" headers "${headers}")
  string(REPLACE "," ";" links "${links}")
  list(APPEND modules ${module})
  set(headers_${module} ${headers})
  set(deps_${module} "")
  foreach(link IN LISTS links)
    if(link MATCHES "^candor_(.+)$")
      list(APPEND deps_${module} ${CMAKE_MATCH_1})
    endif()
  endforeach()
endforeach()

set(problems "")

# Every public header has one owner.
file(GLOB public RELATIVE ${SOURCE_DIR}/include/candor ${SOURCE_DIR}/include/candor/*.hpp)
foreach(header IN LISTS public)
  set(owners "")
  foreach(module IN LISTS modules)
    if(header IN_LIST headers_${module})
      list(APPEND owners ${module})
      set(owner_${header} ${module})
    endif()
  endforeach()
  list(LENGTH owners count)
  if(NOT count EQUAL 1)
    list(APPEND problems "include/candor/${header} belongs to ${count} modules (${owners}): "
                         "name it once in a candor_module(... HEADERS ...)\n")
  endif()
endforeach()

# Public headers a module may include: its own and those of the modules it
# reaches through its links.
foreach(module IN LISTS modules)
  set(reach ${module})
  set(frontier ${deps_${module}})
  while(frontier)
    list(POP_FRONT frontier next)
    if(NOT next IN_LIST reach)
      list(APPEND reach ${next})
      list(APPEND frontier ${deps_${next}})
    endif()
  endwhile()
  set(allowed "")
  foreach(m IN LISTS reach)
    list(APPEND allowed ${headers_${m}})
  endforeach()
  file(GLOB_RECURSE files ${SOURCE_DIR}/lib/${module}/*.cc ${SOURCE_DIR}/lib/${module}/*.hpp)
  if(DEFINED EXTRA_MODULE AND EXTRA_MODULE STREQUAL module)
    list(APPEND files ${EXTRA_FILE})
  endif()
  foreach(file IN LISTS files)
    file(STRINGS ${file} includes REGEX "^#include <candor/[^>]+>")
    foreach(include IN LISTS includes)
      string(REGEX REPLACE "^#include <candor/([^>]+)>.*$" "\\1" header "${include}")
      if(NOT header IN_LIST allowed)
        file(RELATIVE_PATH shown ${SOURCE_DIR} ${file})
        list(APPEND problems "${shown} includes <candor/${header}> of module "
                             "${owner_${header}}, which candor_${module} does not link "
                             "(lib/${module}/CMakeLists.txt)\n")
      endif()
    endforeach()
  endforeach()
endforeach()

# No include climbs out of its folder.
file(GLOB_RECURSE sources
  ${SOURCE_DIR}/lib/*.cc ${SOURCE_DIR}/lib/*.hpp ${SOURCE_DIR}/capi/*.cc ${SOURCE_DIR}/capi/*.hpp
  ${SOURCE_DIR}/cli/*.cc ${SOURCE_DIR}/cli/*.hpp ${SOURCE_DIR}/tests/*.cc ${SOURCE_DIR}/tests/*.hpp
  ${SOURCE_DIR}/tests/*.c ${SOURCE_DIR}/tests/*.h ${SOURCE_DIR}/bench/*.cc ${SOURCE_DIR}/bench/*.hpp
  ${SOURCE_DIR}/fuzz/*.cc ${SOURCE_DIR}/fuzz/*.hpp ${SOURCE_DIR}/examples/*.cc
  ${SOURCE_DIR}/examples/*.hpp ${SOURCE_DIR}/examples/*.c)
list(FILTER sources EXCLUDE REGEX "/tests/layers/doctored_")
if(DEFINED EXTRA_FILE)
  list(APPEND sources ${EXTRA_FILE})
endif()
foreach(file IN LISTS sources)
  file(STRINGS ${file} includes REGEX "^#include \"\\.\\./")
  foreach(include IN LISTS includes)
    string(REGEX REPLACE "^#include (\"[^\"]+\").*$" "\\1" path "${include}")
    file(RELATIVE_PATH shown ${SOURCE_DIR} ${file})
    list(APPEND problems "${shown} includes ${path}: a path out of its folder, around the "
                         "include path (lib/README.md)\n")
  endforeach()
endforeach()

if(problems)
  string(REPLACE ";" "" problems "${problems}")
  message(NOTICE "${problems}")  # as is: FATAL_ERROR would wrap the lines
  message(FATAL_ERROR "module layers broken (above)")
endif()
list(LENGTH modules count)
message(STATUS "module layers hold: ${count} modules")
