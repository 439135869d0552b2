# CPack: a .deb and a .tar.gz of the install tree (scripts/package.sh builds
# the release preset and runs cpack). One package holds the library, headers,
# CMake and pkg-config files, the `candor` command and share/candor.
set(CPACK_PACKAGE_NAME candor)
set(CPACK_PACKAGE_VENDOR "candor")
set(CPACK_PACKAGE_CONTACT "candor maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_GENERATOR DEB TGZ)
set(CPACK_PACKAGE_FILE_NAME "candor-${PROJECT_VERSION}-${CMAKE_SYSTEM_NAME}-${CMAKE_SYSTEM_PROCESSOR}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY candor)
# Debug information stays out of packages even if the build has it.
set(CPACK_STRIP_FILES ON)

set(CPACK_DEBIAN_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# Depends: the runtime packages of what libcandor.so and bin/candor link
# (dpkg-shlibdeps: libabsl, libicu, libcld2, libstemmer, libstdc++, libc).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Linking candor::candor_static (or pkg-config --static) also needs these.
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "libabsl-dev, libicu-dev, libcld2-dev, libstemmer-dev")
include(CPack)
