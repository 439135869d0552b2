# Installs the build tree into a scratch prefix and builds examples/consumer
# against it, once with find_package(candor) and once with pkg-config.
file(REMOVE_RECURSE ${SCRATCH})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${SCRATCH}/prefix
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
foreach(f include/candor.h include/candor/score.hpp lib/cmake/candor/candorConfig.cmake
          lib/pkgconfig/candor.pc lib/libcandor.a lib/libcandor.so)
  if(NOT EXISTS ${SCRATCH}/prefix/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${CONSUMER_SOURCE} -B ${SCRATCH}/build
                        -DCMAKE_PREFIX_PATH=${SCRATCH}/prefix
                RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "configuring the consumer failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} --build ${SCRATCH}/build RESULT_VARIABLE rc)
if(rc)
  message(FATAL_ERROR "building the consumer failed: ${rc}")
endif()
foreach(program consumer_shared consumer_static consumer_cxx)
  execute_process(COMMAND ${SCRATCH}/build/${program} ${SAMPLE}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(rc)
    message(FATAL_ERROR "${program} failed (${rc}): ${out} ${err}")
  endif()
  if(NOT out MATCHES "NPS")
    message(FATAL_ERROR "${program} printed no NPS: ${out}")
  endif()
  message(STATUS "${program}: ${out}")
endforeach()

# pkg-config: compile the C consumer with only what candor.pc says.
find_program(PKG_CONFIG pkg-config REQUIRED)
set(ENV{PKG_CONFIG_PATH} ${SCRATCH}/prefix/lib/pkgconfig)
execute_process(COMMAND ${PKG_CONFIG} --cflags --libs candor
                OUTPUT_VARIABLE flags RESULT_VARIABLE rc OUTPUT_STRIP_TRAILING_WHITESPACE)
if(rc)
  message(FATAL_ERROR "pkg-config --cflags --libs candor failed")
endif()
separate_arguments(flags UNIX_COMMAND "${flags}")
execute_process(COMMAND cc ${CONSUMER_SOURCE}/consumer.c -o ${SCRATCH}/consumer_pc ${flags}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc)
  message(FATAL_ERROR "compiling with pkg-config flags (${flags}) failed: ${err}")
endif()
set(ENV{LD_LIBRARY_PATH} ${SCRATCH}/prefix/lib)
execute_process(COMMAND ${SCRATCH}/consumer_pc ${SAMPLE} RESULT_VARIABLE rc OUTPUT_VARIABLE out)
if(rc OR NOT out MATCHES "NPS")
  message(FATAL_ERROR "consumer built with pkg-config failed (${rc}): ${out}")
endif()
message(STATUS "consumer_pc: ${out}")
