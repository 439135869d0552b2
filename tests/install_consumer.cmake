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
