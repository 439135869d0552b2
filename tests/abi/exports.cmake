# The shared library exports exactly the C ABI: every function declared with
# CANDOR_API in include/candor.h, and nothing else (no C++ symbols, no
# candor_* helper the header does not declare).
#   cmake -DLIBRARY=libcandor.so -DHEADER=include/candor.h -DNM=nm -P exports.cmake
execute_process(COMMAND ${NM} -D --defined-only --without-symbol-versions ${LIBRARY}
                OUTPUT_VARIABLE nm_out ERROR_VARIABLE nm_err RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "${NM} -D --defined-only ${LIBRARY} failed (${rc}): ${nm_err}")
endif()
string(REPLACE "\n" ";" nm_lines "${nm_out}")
set(exported "")
set(foreign "")
foreach(line IN LISTS nm_lines)
  if(line MATCHES "^[0-9a-fA-F]* *([A-Za-z]) (.+)$")
    set(kind ${CMAKE_MATCH_1})
    set(name ${CMAKE_MATCH_2})
    if(kind STREQUAL "A" AND name MATCHES "^CANDOR_[0-9]+$")
      # The version node of candor.map, not a symbol.
    elseif(name MATCHES "^candor_[a-z0-9_]+$")
      list(APPEND exported ${name})
    else()
      list(APPEND foreign ${name})
    endif()
  endif()
endforeach()

# Declarations: the name before the first "(" after each CANDOR_API, with
# comments and preprocessor lines (the CANDOR_API definition) removed.
file(READ ${HEADER} header)
string(REGEX REPLACE "/\\*([^*]|\\*+[^*/])*\\*+/" "" header "${header}")
string(REGEX REPLACE "\n#[^\n]*(\\\\\n[^\n]*)*" "\n" header "${header}")
string(REGEX MATCHALL "CANDOR_API[^;(]*\\(" declarations "${header}")
set(declared "")
foreach(declaration IN LISTS declarations)
  string(REGEX REPLACE ".*[^A-Za-z0-9_]([A-Za-z_][A-Za-z0-9_]*)[ \t\n]*\\($" "\\1" name
         "${declaration}")
  list(APPEND declared ${name})
endforeach()

list(LENGTH declared n_declared)
list(LENGTH exported n_exported)
if(n_declared LESS 100)
  message(FATAL_ERROR "found only ${n_declared} CANDOR_API declarations in ${HEADER}: "
                      "is the parsing broken?")
endif()
set(missing ${declared})
list(REMOVE_ITEM missing ${exported})
set(undeclared ${exported})
list(REMOVE_ITEM undeclared ${declared})
list(LENGTH foreign n_foreign)

set(failures "")
if(foreign)
  list(SUBLIST foreign 0 20 shown)
  string(APPEND failures "${n_foreign} exported symbols outside the C ABI (first 20): ${shown}\n")
endif()
if(missing)
  string(APPEND failures "declared CANDOR_API in candor.h but not exported: ${missing}\n")
endif()
if(undeclared)
  string(APPEND failures "exported but not declared in candor.h: ${undeclared}\n")
endif()
if(failures)
  message(FATAL_ERROR "${LIBRARY}:\n${failures}")
endif()
message(STATUS "${LIBRARY}: exports exactly the ${n_exported} functions candor.h declares")
