# SPDX-License-Identifier: Apache-2.0
# TvmcrtPackage.cmake — Debian packages of an install (cmake/TvmcrtInstall.cmake), with CPack:
#
#   cmake --build build && (cd build && cpack -G DEB)     # tvmcrt_<v>_amd64.deb, tvmcrt-dev_<v>_amd64.deb
#
#   tvmcrt      the tools (tvmcrt-host, tvmcrt-import, tvmcrt-device), the firmware images under
#               /usr/lib/tvmcrt/firmware (the emulated board tvmcrt-host boots by default), man
#               pages, bash completion, the udev rule when the build has one
#   tvmcrt-dev  the CMake package (find_package(tvmcrt)), the device side as sources for cross builds,
#               the native libraries, the host library with headers in /usr/include/tvmcrt/host and
#               pkg-config tvmcrt-host, scripts/build-model and qemu-board
# Library dependencies come from dpkg-shlibdeps (package dpkg-dev); the rest are listed here.
# scripts/package-test installs both into a clean Debian 12 root with apt and uses them there.
include_guard(GLOBAL)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tvmcrt)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The tvmcrt authors")
set(CPACK_PACKAGE_CONTACT "The tvmcrt authors <tvmcrt@users.noreply.github.com>")
# No CPACK_PACKAGE_DESCRIPTION_SUMMARY: CPack would put it before each package's own first line.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL runtime dev)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS OFF)

set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME tvmcrt)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION electronics)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_DEPENDS "python3")  # scripts/qemu-board and flash (the libraries: shlibdeps)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_RECOMMENDS "qemu-system-arm")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SUGGESTS "stlink-tools, openocd, python3-pyocd, ser2net")
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION "run TVM-compiled models on microcontrollers and check them from CI
tvmcrt-host loads .npy/.npz inputs into a device running the tvmcrt agent
(a board on a serial port, the native device, or the emulated STM32F4 it
boots with QEMU), runs the model, fetches the outputs and compares them with
references. tvmcrt-import turns TVM's output for a model into a tvmcrt model
descriptor.")

set(CPACK_DEBIAN_DEV_PACKAGE_NAME tvmcrt-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
    "tvmcrt (= ${PROJECT_VERSION}), cmake (>= 3.20), python3, libprotobuf-dev, libboost-dev, libzip-dev, pkg-config")
set(CPACK_DEBIAN_DEV_PACKAGE_RECOMMENDS "gcc, g++, gcc-arm-none-eabi, libnewlib-arm-none-eabi")
set(CPACK_DEBIAN_DEV_DESCRIPTION "build TVM models into tvmcrt devices and STM32F4 firmware
The CMake package (find_package(tvmcrt): tvmcrt_add_model(),
tvmcrt_add_native_device(), tvmcrt_add_firmware()), the embedded runtime
and agent as sources for cross builds, their native libraries, and the host
library (pkg-config tvmcrt-host) for C++ programs that drive tvmcrt devices.")

# Debian wants a copyright file and a compressed changelog in each package's doc folder.
set(_doc ${CMAKE_BINARY_DIR}/package-doc)
file(MAKE_DIRECTORY ${_doc})
file(WRITE ${_doc}/copyright "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: tvmcrt

Files: *
Copyright: 2026 The tvmcrt authors
License: Apache-2.0
 On Debian systems the full text is in /usr/share/common-licenses/Apache-2.0.

Files: usr/share/tvmcrt/source/nanopb/*
Copyright: 2011 Petteri Aimonen
License: Zlib
 The full text is in usr/share/tvmcrt/source/nanopb/LICENSE.txt.
")
# A native package's changelog.gz is in Debian's format; it points to the upstream CHANGELOG.md.
string(TIMESTAMP _date "%a, %d %b %Y %H:%M:%S +0000" UTC)
file(WRITE ${_doc}/changelog "tvmcrt (${PROJECT_VERSION}) unstable; urgency=medium

  * Release ${PROJECT_VERSION}; what changed is in CHANGELOG.md of the sources.

 -- ${CPACK_PACKAGE_CONTACT}  ${_date}
")
add_custom_command(OUTPUT ${_doc}/changelog.gz
  COMMAND gzip -9n -c ${_doc}/changelog > ${_doc}/changelog.gz
  DEPENDS ${_doc}/changelog VERBATIM)
add_custom_target(tvmcrt-package-doc ALL DEPENDS ${_doc}/changelog.gz)
foreach(_c runtime dev)
  if(_c STREQUAL runtime)
    set(_name tvmcrt)
  else()
    set(_name tvmcrt-dev)
  endif()
  install(FILES ${_doc}/copyright ${_doc}/changelog.gz DESTINATION share/doc/${_name} COMPONENT ${_c})
endforeach()

# What lintian would otherwise call errors, and why they are right here.
file(WRITE ${_doc}/tvmcrt.lintian-overrides "# The firmware images are ARM Cortex-M programs for the board and its emulator, not
# programs for this machine: statically linked by nature, with their symbols kept for debuggers.
tvmcrt: binary-from-other-architecture [usr/lib/tvmcrt/firmware/*]
tvmcrt: statically-linked-binary [usr/lib/tvmcrt/firmware/*]
tvmcrt: unstripped-binary-or-object [usr/lib/tvmcrt/firmware/*]
")
install(FILES ${_doc}/tvmcrt.lintian-overrides DESTINATION share/lintian/overrides RENAME tvmcrt COMPONENT runtime)

include(CPack)
