# Debian packages built by CPack (`make package`, which configures build-pkg/ with
# CMAKE_INSTALL_PREFIX=/usr so GNUInstallDirs picks the multiarch libdir):
#   runtime -> libzwhost0     libzwhost.so.0 and its versioned file
#   dev     -> libzwhost-dev  headers, libzwhost.a, libzwhost.so, zwhost.pc, CMake package
#   tools   -> zwhost-tools   the examples (zwh-*) and zwh-sim
# Dependencies are explicit Debian 12 package names rather than dpkg-shlibdeps: the tools
# link libzwhost.so.0 from the sibling package, which dpkg-shlibdeps cannot resolve
# without a Debian source tree, and it would make dpkg-dev a build dependency.
set(ZWH_DEB_VERSION "${PROJECT_VERSION}-1")
set(ZWH_DEB_RUNTIME "libzwhost${ZWH_SOVERSION}")
set(ZWH_DEB_LIBC "libc6 (>= 2.34)")
set(ZWH_DEB_LIBS "libuv1 (>= 1.44), libserialport0 (>= 0.1.1), libmbedcrypto7 (>= 2.28)")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME zwhost)
set(CPACK_PACKAGE_VENDOR zwhost)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# No CPACK_PACKAGE_DESCRIPTION_SUMMARY: CPack would prepend it to every component's
# description; each component's first line is its own Debian synopsis instead.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev tools)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "zwhost developers <zwhost@example.org>" CACHE STRING
  "Maintainer field of the Debian packages")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS OFF)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME ${ZWH_DEB_RUNTIME})
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION libs)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "${ZWH_DEB_LIBC}, ${ZWH_DEB_LIBS}")
# A shlibs control file in libzwhost0 (packages built against it get
# "libzwhost0 (>= version)") and ldconfig in its postinst/postrm. Needs `file` and readelf.
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS_POLICY ">=")
set(CPACK_COMPONENT_RUNTIME_DESCRIPTION
  "Z-Wave host library for Serial API controllers
zwhost drives a USB Z-Wave controller through the Serial API: framing and
retransmission, S0/S2 security, Supervision, Transport Service, Multi Channel
and typed command-class codecs, on a libuv loop.

This package contains the shared library.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME libzwhost-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
  "${ZWH_DEB_RUNTIME} (= ${ZWH_DEB_VERSION}), libuv1-dev (>= 1.44), libserialport-dev (>= 0.1.1), libmbedtls-dev (>= 2.28)")
set(CPACK_COMPONENT_DEV_DESCRIPTION
  "Z-Wave host library for Serial API controllers - development files
Headers, the static library, the pkg-config file (zwhost) and the CMake
package (find_package(zwhost): zwhost::zwhost, zwhost::zwhost_static).")

set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME zwhost-tools)
set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION electronics)
set(CPACK_DEBIAN_TOOLS_PACKAGE_DEPENDS
  "${ZWH_DEB_RUNTIME} (= ${ZWH_DEB_VERSION}), ${ZWH_DEB_LIBC}, ${ZWH_DEB_LIBS}")
set(CPACK_COMPONENT_TOOLS_DESCRIPTION
  "Z-Wave host tools and simulated Serial API controller
Command-line programs over libzwhost (zwh-info, ...) and zwh-sim, a
simulated Serial API controller with virtual devices for tests without
hardware.")

include(CPack)
