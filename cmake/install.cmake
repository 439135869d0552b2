# Installs headers, the shared and static library, a CMake package
# (find_package(candor)), a pkg-config file (candor.pc), the starter taxonomy
# and the licence files; and configures CPack (cmake/package.cmake).
include(CMakePackageConfigHelpers)

# Two export sets: the shared library needs nothing on the consumer's side
# (its dependencies are its own DT_NEEDED entries), the static library needs
# its private dependencies to link. candorConfig.cmake loads the second only
# when those are found, so a consumer of the shared library does not need the
# Abseil, ICU, CLD2 or Snowball development packages.
install(TARGETS candor EXPORT candorTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS candor_static EXPORT candorStaticTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES include/candor.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/candor DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
# Text: the starter taxonomy (format in include/candor/text_taxonomy.hpp).
install(FILES data/taxonomies/cx_starter.json DESTINATION ${CMAKE_INSTALL_DATADIR}/candor/taxonomies)
# The licence, the third-party notice (dependencies and bundled data) and the
# changes, in share/doc/candor.
install(FILES LICENSE THIRD-PARTY.md CHANGELOG.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CANDOR_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/candor)
install(EXPORT candorTargets NAMESPACE candor:: DESTINATION ${CANDOR_CMAKE_DIR})
install(EXPORT candorStaticTargets NAMESPACE candor:: DESTINATION ${CANDOR_CMAKE_DIR})
configure_package_config_file(cmake/candorConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/candorConfig.cmake INSTALL_DESTINATION ${CANDOR_CMAKE_DIR})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/candorConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/candorConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/candorConfigVersion.cmake
        DESTINATION ${CANDOR_CMAKE_DIR})

# candor.pc: `pkg-config --libs candor` links the shared library and needs no
# other .pc file (so no Requires.private, which pkg-config insists on finding
# even without --static); `pkg-config --static --libs candor` adds every
# private dependency, expanded here from their own .pc files: Abseil, ICU,
# CLD2, Snowball, threads and the C++ runtime (for C programs).
find_package(PkgConfig QUIET)
set(CANDOR_PC_PRIVATE_MODULES absl_flat_hash_map absl_hash absl_time icu-uc icu-i18n)
if(PKG_CONFIG_FOUND)
  pkg_check_modules(CANDOR_PC_PRIVATE QUIET ${CANDOR_PC_PRIVATE_MODULES})
endif()
if(CANDOR_PC_PRIVATE_FOUND)
  set(CANDOR_PC_REQUIRES_PRIVATE "")
  # The linker's default directories (/usr/lib/<triplet>) are not written out.
  foreach(dir IN LISTS CMAKE_C_IMPLICIT_LINK_DIRECTORIES)
    list(REMOVE_ITEM CANDOR_PC_PRIVATE_STATIC_LDFLAGS "-L${dir}")
  endforeach()
  list(JOIN CANDOR_PC_PRIVATE_STATIC_LDFLAGS " " CANDOR_PC_PRIVATE_LIBS)
else()
  # Without pkg-config at build time, let the consumer's pkg-config expand them.
  list(JOIN CANDOR_PC_PRIVATE_MODULES " " CANDOR_PC_MODULES)
  set(CANDOR_PC_REQUIRES_PRIVATE "Requires.private: ${CANDOR_PC_MODULES}")
  set(CANDOR_PC_PRIVATE_LIBS "")
endif()
set(CANDOR_PC_RUNTIME_LIBS "")
foreach(lib IN LISTS CANDOR_CXX_RUNTIME_LIBRARIES)
  string(APPEND CANDOR_PC_RUNTIME_LIBS " -l${lib}")
endforeach()
file(RELATIVE_PATH CANDOR_PC_TO_PREFIX "/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/")
configure_file(cmake/candor.pc.in ${CMAKE_CURRENT_BINARY_DIR}/candor.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/candor.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)

include(cmake/package.cmake)
