# Installs headers, the shared and static library, a CMake package
# (find_package(candor)) and a pkg-config file (candor.pc).
include(CMakePackageConfigHelpers)

install(TARGETS candor candor_static EXPORT candorTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES include/candor.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/candor DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# Text: the starter taxonomy (format in include/candor/text_taxonomy.hpp).
install(FILES data/taxonomies/cx_starter.json DESTINATION ${CMAKE_INSTALL_DATADIR}/candor/taxonomies)

set(CANDOR_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/candor)
install(EXPORT candorTargets NAMESPACE candor:: DESTINATION ${CANDOR_CMAKE_DIR})
configure_package_config_file(cmake/candorConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/candorConfig.cmake INSTALL_DESTINATION ${CANDOR_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/candorConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/candorConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/candorConfigVersion.cmake
        DESTINATION ${CANDOR_CMAKE_DIR})

file(RELATIVE_PATH CANDOR_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
configure_file(cmake/candor.pc.in ${CMAKE_CURRENT_BINARY_DIR}/candor.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/candor.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
