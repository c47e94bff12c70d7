# SPDX-License-Identifier: Apache-2.0
# TvmcrtInstall.cmake — `cmake --install <build> --prefix P` makes P a package that user projects
# find with find_package(tvmcrt) (docs/bring-your-own-model.md):
#
#   P/bin/tvmcrt-import, tvmcrt-host        host tools (model import, device client)
#   P/lib/libtvmcrt_*.a                      runtime, agent, frame codec, nanopb, posix port (native)
#   P/include/tvmcrt/{runtime,agent,frame,nanopb,posix}/   their headers
#   P/lib/cmake/tvmcrt/                      tvmcrtConfig.cmake, version, exported targets tvmcrt::*
#   P/share/tvmcrt/source/                   the device side as sources, laid out as in this tree, for
#                                            cross builds (tvmcrt_add_firmware() builds it for the
#                                            board): runtime, proto (+ generated nanopb code and the
#                                            nanopb sources), device/agent, device/ports, cmake/
#   P/share/tvmcrt/scripts/                  qemu-board, build-model, flash (+ udev/ rules for ST-LINK)
#   P/lib/udev/rules.d/                      60-tvmcrt-stlink.rules (ModemManager off ST-LINK ports, plugdev)
#   P/lib/tvmcrt/firmware/                   tvmcrt-fw.elf/.bin (the default emulated board), echo image
#   P/lib/libtvmcrt_host.a, include/tvmcrt/host/, lib/pkgconfig/tvmcrt-host.pc
#                                            the host library for C++ programs (pkg-config tvmcrt-host)
#   P/share/man/man1, share/bash-completion  man pages and completion (host/cli, host/import)
# Components: "runtime" (the tools, firmware, man pages: package tvmcrt) and "dev" (the rest:
# tvmcrt-dev). Debian packages: cpack -G DEB in the build folder (cmake/TvmcrtPackage.cmake).
include_guard(GLOBAL)
include(CMakePackageConfigHelpers)

set(_src ${CMAKE_CURRENT_LIST_DIR}/..)
set(_share share/tvmcrt/source)

install(TARGETS tvmcrt_runtime tvmcrt_frame tvmcrt_nanopb tvmcrt_errors tvmcrt_agent tvmcrt_posix_port
        EXPORT tvmcrtTargets ARCHIVE DESTINATION lib COMPONENT dev)
install(EXPORT tvmcrtTargets NAMESPACE tvmcrt:: DESTINATION lib/cmake/tvmcrt COMPONENT dev)
install(TARGETS tvmcrt-import RUNTIME DESTINATION bin COMPONENT runtime)
if(TARGET tvmcrt-host)
  install(TARGETS tvmcrt-host RUNTIME DESTINATION bin COMPONENT runtime)
endif()
if(TARGET tvmcrt-device)
  install(TARGETS tvmcrt-device RUNTIME DESTINATION bin COMPONENT runtime)
endif()

# The firmware the default emulated port boots (found beside bin/, host/lib/emulator.cpp) and the
# bring-up image; built by the firmware external project, so OPTIONAL when it is off. In lib/: they
# are binaries (for the board's CPU), not architecture-independent data.
# With them, the agent image and the bring-up (echo) image of every board with a description
# (device/ports/*/boards/*.h, docs/boards.md), so that scripts/flash has what it writes.
file(GLOB _board_headers ${_src}/device/ports/*/boards/*.h)
set(_fw_images tvmcrt-fw tvmcrt-fw-echo)
foreach(_header IN LISTS _board_headers)
  get_filename_component(_board ${_header} NAME_WE)
  list(APPEND _fw_images tvmcrt-fw-${_board} tvmcrt-echo-${_board})
endforeach()
foreach(_fw IN LISTS _fw_images)
  install(FILES ${CMAKE_BINARY_DIR}/firmware/${_fw}.elf ${CMAKE_BINARY_DIR}/firmware/${_fw}.bin
          DESTINATION lib/tvmcrt/firmware COMPONENT runtime OPTIONAL)
endforeach()
if(TARGET tvmcrt-device)
  include(TvmcrtManPage)
  tvmcrt_man_page(tvmcrt-device "the tvmcrt agent and runtime as a native process")
endif()

# The host library, for C++ programs that drive devices (device.hpp, npy.hpp, ...): headers in a
# folder of their own, since names like device.hpp would clash in /usr/include.
if(TARGET tvmcrt_host)
  install(TARGETS tvmcrt_host tvmcrt_proto_cpp ARCHIVE DESTINATION lib COMPONENT dev)
  file(GLOB _host_headers ${_src}/host/lib/*.hpp)
  install(FILES ${_host_headers} ${CMAKE_BINARY_DIR}/proto/cpp/tvmcrt.pb.h DESTINATION include/tvmcrt/host
          COMPONENT dev)
  configure_file(${_src}/cmake/tvmcrt-host.pc.in ${CMAKE_BINARY_DIR}/tvmcrt-host.pc @ONLY)
  install(FILES ${CMAKE_BINARY_DIR}/tvmcrt-host.pc DESTINATION lib/pkgconfig COMPONENT dev)
endif()

# Headers of the native libraries.
install(DIRECTORY ${_src}/runtime/include/ DESTINATION include/tvmcrt/runtime COMPONENT dev)
install(DIRECTORY ${_src}/device/agent/include/ ${_src}/proto/errors/ DESTINATION include/tvmcrt/agent COMPONENT dev)
install(FILES ${_src}/proto/frame/tvmcrt_frame.h DESTINATION include/tvmcrt/frame COMPONENT dev)
install(FILES ${_src}/device/ports/posix/tvmcrt_posix.h DESTINATION include/tvmcrt/posix COMPONENT dev)
file(GLOB _nanopb_headers ${TVMCRT_NANOPB_DIR}/*.h)
install(FILES ${_nanopb_headers} ${TVMCRT_NANOPB_OUT}/tvmcrt.pb.h DESTINATION include/tvmcrt/nanopb COMPONENT dev)

# The device side as sources (same folders as here, so the same CMakeLists.txt files build it).
install(FILES ${_src}/LICENSE DESTINATION ${_share} COMPONENT dev OPTIONAL)
install(DIRECTORY ${_src}/cmake DESTINATION ${_share} COMPONENT dev PATTERN "tvmcrtConfig.cmake.in" EXCLUDE
        PATTERN "*.sh" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ
                                   WORLD_EXECUTE)
install(DIRECTORY ${_src}/runtime DESTINATION ${_share} COMPONENT dev)
install(DIRECTORY ${_src}/device/agent ${_src}/device/ports DESTINATION ${_share}/device COMPONENT dev)
install(FILES ${_src}/proto/CMakeLists.txt ${_src}/proto/tvmcrt.proto ${_src}/proto/tvmcrt.options
        DESTINATION ${_share}/proto COMPONENT dev)
install(DIRECTORY ${_src}/proto/frame ${_src}/proto/errors DESTINATION ${_share}/proto COMPONENT dev)
file(GLOB _nanopb_all ${TVMCRT_NANOPB_DIR}/*.c ${TVMCRT_NANOPB_DIR}/*.h ${TVMCRT_NANOPB_DIR}/LICENSE*)
install(FILES ${_nanopb_all} DESTINATION ${_share}/nanopb COMPONENT dev)
install(FILES ${TVMCRT_NANOPB_OUT}/tvmcrt.pb.c ${TVMCRT_NANOPB_OUT}/tvmcrt.pb.h DESTINATION ${_share}/nanopb-generated
        COMPONENT dev)
install(PROGRAMS ${_src}/scripts/build-model DESTINATION share/tvmcrt/scripts COMPONENT dev)
# Running and flashing images needs no compiler: those go with the tools.
install(PROGRAMS ${_src}/scripts/qemu-board ${_src}/scripts/flash DESTINATION share/tvmcrt/scripts COMPONENT runtime)
install(FILES ${_src}/scripts/udev/60-tvmcrt-stlink.rules DESTINATION share/tvmcrt/scripts/udev COMPONENT runtime)
install(FILES ${_src}/scripts/udev/60-tvmcrt-stlink.rules DESTINATION lib/udev/rules.d COMPONENT runtime)

# The package files.
set(TVMCRT_INSTALLED_BUILD_ID "${TVMCRT_AGENT_BUILD_ID}")
configure_file(${_src}/cmake/tvmcrtConfig.cmake.in ${CMAKE_BINARY_DIR}/tvmcrtConfig.cmake @ONLY)
# ARCH_INDEPENDENT: a firmware project configured with the ARM toolchain (32-bit) finds it too; its
# device side is sources, and the native libraries are only used by native projects.
write_basic_package_version_file(${CMAKE_BINARY_DIR}/tvmcrtConfigVersion.cmake
                                 VERSION ${tvmcrt_VERSION} COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES ${CMAKE_BINARY_DIR}/tvmcrtConfig.cmake ${CMAKE_BINARY_DIR}/tvmcrtConfigVersion.cmake
        DESTINATION lib/cmake/tvmcrt COMPONENT dev)

include(TvmcrtPackage)  # cpack -G DEB
