# SPDX-License-Identifier: Apache-2.0
# TvmcrtManPage.cmake — tvmcrt_man_page(<target> "<one-line description>" [SUBCOMMANDS ...]):
# <target>.1 made by help2man from the binary's own --help and --version (cmake/man-page.sh), built
# with the target and installed gzipped in share/man/man1 (component runtime). The plain page is
# <binary dir>/<target>.1 (host.cli_docs reads tvmcrt-host's). No help2man: no page, one message.
include_guard(GLOBAL)
find_program(TVMCRT_HELP2MAN help2man)

function(tvmcrt_man_page target description)
  cmake_parse_arguments(PARSE_ARGV 2 arg "" "" "SUBCOMMANDS")
  if(NOT TVMCRT_HELP2MAN)
    message(STATUS "tvmcrt: no help2man: no man page for ${target} (scripts/setup installs it)")
    return()
  endif()
  set(man ${CMAKE_CURRENT_BINARY_DIR}/${target}.1)
  set(script ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/man-page.sh)  # (include_guard: no file-scope variable)
  add_custom_command(OUTPUT ${man} ${man}.gz
    COMMAND sh ${script} $<TARGET_FILE:${target}> ${man} "${description}" ${arg_SUBCOMMANDS}
    DEPENDS ${target} ${script} VERBATIM)
  add_custom_target(${target}-man ALL DEPENDS ${man})
  install(FILES ${man}.gz DESTINATION share/man/man1 COMPONENT runtime)
endfunction()
