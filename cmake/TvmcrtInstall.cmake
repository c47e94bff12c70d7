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
#   P/share/tvmcrt/scripts/                  qemu-board, build-model
include_guard(GLOBAL)
include(CMakePackageConfigHelpers)

set(_src ${CMAKE_CURRENT_LIST_DIR}/..)
set(_share share/tvmcrt/source)

install(TARGETS tvmcrt_runtime tvmcrt_frame tvmcrt_nanopb tvmcrt_texts tvmcrt_agent tvmcrt_posix_port
        EXPORT tvmcrtTargets ARCHIVE DESTINATION lib)
install(EXPORT tvmcrtTargets NAMESPACE tvmcrt:: DESTINATION lib/cmake/tvmcrt)
install(TARGETS tvmcrt-import RUNTIME DESTINATION bin)
if(TARGET tvmcrt-host)
  install(TARGETS tvmcrt-host RUNTIME DESTINATION bin)
endif()

# Headers of the native libraries.
install(DIRECTORY ${_src}/runtime/include/ DESTINATION include/tvmcrt/runtime)
install(DIRECTORY ${_src}/device/agent/include/ ${_src}/proto/texts/ DESTINATION include/tvmcrt/agent)
install(FILES ${_src}/proto/frame/tvmcrt_frame.h DESTINATION include/tvmcrt/frame)
install(FILES ${_src}/device/ports/posix/tvmcrt_posix.h DESTINATION include/tvmcrt/posix)
file(GLOB _nanopb_headers ${TVMCRT_NANOPB_DIR}/*.h)
install(FILES ${_nanopb_headers} ${TVMCRT_NANOPB_OUT}/tvmcrt.pb.h DESTINATION include/tvmcrt/nanopb)

# The device side as sources (same folders as here, so the same CMakeLists.txt files build it).
install(FILES ${_src}/LICENSE DESTINATION ${_share} OPTIONAL)
install(DIRECTORY ${_src}/cmake DESTINATION ${_share} PATTERN "tvmcrtConfig.cmake.in" EXCLUDE)
install(DIRECTORY ${_src}/runtime DESTINATION ${_share})
install(DIRECTORY ${_src}/device/agent ${_src}/device/ports DESTINATION ${_share}/device)
install(FILES ${_src}/proto/CMakeLists.txt ${_src}/proto/tvmcrt.proto ${_src}/proto/tvmcrt.options
        DESTINATION ${_share}/proto)
install(DIRECTORY ${_src}/proto/frame ${_src}/proto/texts DESTINATION ${_share}/proto)
file(GLOB _nanopb_all ${TVMCRT_NANOPB_DIR}/*.c ${TVMCRT_NANOPB_DIR}/*.h ${TVMCRT_NANOPB_DIR}/LICENSE*)
install(FILES ${_nanopb_all} DESTINATION ${_share}/nanopb)
install(FILES ${TVMCRT_NANOPB_OUT}/tvmcrt.pb.c ${TVMCRT_NANOPB_OUT}/tvmcrt.pb.h DESTINATION ${_share}/nanopb-generated)
install(PROGRAMS ${_src}/scripts/qemu-board ${_src}/scripts/build-model DESTINATION share/tvmcrt/scripts)

# The package files.
set(TVMCRT_INSTALLED_BUILD_ID "${TVMCRT_AGENT_BUILD_ID}")
configure_file(${_src}/cmake/tvmcrtConfig.cmake.in ${CMAKE_BINARY_DIR}/tvmcrtConfig.cmake @ONLY)
write_basic_package_version_file(${CMAKE_BINARY_DIR}/tvmcrtConfigVersion.cmake
                                 VERSION ${tvmcrt_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/tvmcrtConfig.cmake ${CMAKE_BINARY_DIR}/tvmcrtConfigVersion.cmake
        DESTINATION lib/cmake/tvmcrt)
