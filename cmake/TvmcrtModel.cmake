# TvmcrtModel.cmake — build TVM models into tvmcrt libraries and agent model tables.
#
#   tvmcrt_add_model(<target> MLF <folder-or-.tar> [NAME <module>] [SIDECAR <json>]
#                    [WORKSPACE_SLACK <bytes>] [IO_ALIGNMENT <bytes>]
#                    [INCLUDE_DIRS ...] [SOURCES ...] [DEFINITIONS ...]
#                    [LINK_LIBRARIES ...] [LINK_OPTIONS ...])
#     A STATIC library <target>: the model's codegen/host/src/*.c plus the adapter tvmcrt-import
#     generates at build time (tvmcrt_model_<m>.h/.c, docs/model-header.md). Links tvmcrt_runtime and
#     the C maths library (libm: TVM's code calls roundf, expf, tanhf, ...), then LINK_LIBRARIES
#     (names, paths or targets) and LINK_OPTIONS, in every image that carries the model, and exposes
#     the generated header. Model sources are compiled with -Werror=implicit-function-declaration
#     (cmake/TvmcrtModelSources.cmake); native builds get portable Arm intrinsics (runtime/arm_portable). A .tar is unpacked at configure time into the build folder.
#     Built only for what links it (EXCLUDE_FROM_ALL). The model name must be a C identifier.
#     Its arguments stay in the property TVMCRT_MODEL_ARGS (paths absolute): tvmcrt_add_firmware()
#     (cmake/TvmcrtDevices.cmake) builds the same model again for the board from them.
#
#   tvmcrt_link_models(<executable> MODELS <model targets...> [ARENA_SIZE <bytes>])
#     Adds to <executable> a generated C file defining tvmcrt_agent_models[],
#     tvmcrt_agent_model_count, tvmcrt_agent_arena[] and tvmcrt_agent_arena_size
#     (device/agent/include/tvmcrt_agent_models.h), and links the models.
#
# The generator runs on the build machine. Native builds compile it from host/import; cross builds
# (CMAKE_CROSSCOMPILING, e.g. the firmware) and the installed package (tvmcrtConfig.cmake) give
# TVMCRT_IMPORT_EXECUTABLE. Models link tvmcrt_runtime when this tree defines it, else the installed
# tvmcrt::runtime.
include_guard(GLOBAL)

# Where tvmcrt_link_models() finds tvmcrt_agent_models.h (the installed package sets its own).
if(NOT TVMCRT_AGENT_INCLUDE_DIR)
  set(TVMCRT_AGENT_INCLUDE_DIR "${CMAKE_CURRENT_LIST_DIR}/../device/agent/include")
endif()

set(TVMCRT_IMPORT_EXECUTABLE "" CACHE FILEPATH
    "Host-built tvmcrt-import (required when cross compiling; native builds compile their own)")

if(NOT CMAKE_CROSSCOMPILING AND NOT TVMCRT_IMPORT_EXECUTABLE AND NOT TARGET tvmcrt-import)
  add_subdirectory(${CMAKE_CURRENT_LIST_DIR}/../host/import ${CMAKE_BINARY_DIR}/host/import)
endif()

# Where tvmcrt_add_model() finds the generator: (command, build dependency).
function(_tvmcrt_import_tool out_cmd out_dep)
  if(TVMCRT_IMPORT_EXECUTABLE)
    if(NOT EXISTS "${TVMCRT_IMPORT_EXECUTABLE}")
      message(FATAL_ERROR "TVMCRT_IMPORT_EXECUTABLE='${TVMCRT_IMPORT_EXECUTABLE}' does not exist. "
                          "Build tvmcrt-import natively first (cmake --build <host-build> --target tvmcrt-import) "
                          "and pass its path.")
    endif()
    set(${out_cmd} "${TVMCRT_IMPORT_EXECUTABLE}" PARENT_SCOPE)
    set(${out_dep} "${TVMCRT_IMPORT_EXECUTABLE}" PARENT_SCOPE)
  elseif(CMAKE_CROSSCOMPILING)
    message(FATAL_ERROR "Cross compiling models needs the host tool: configure with "
                        "-DTVMCRT_IMPORT_EXECUTABLE=<path to a natively built tvmcrt-import> "
                        "(the firmware superbuild passes $<TARGET_FILE:tvmcrt-import>).")
  else()
    set(${out_cmd} "$<TARGET_FILE:tvmcrt-import>" PARENT_SCOPE)
    set(${out_dep} tvmcrt-import PARENT_SCOPE)
  endif()
endfunction()

# Unpacks <tar> into <dest> when the archive is newer than the last unpack.
function(_tvmcrt_unpack tar dest)
  set(stamp "${dest}.stamp")
  if(NOT EXISTS "${stamp}" OR "${tar}" IS_NEWER_THAN "${stamp}")
    file(REMOVE_RECURSE "${dest}")
    file(MAKE_DIRECTORY "${dest}")
    file(ARCHIVE_EXTRACT INPUT "${tar}" DESTINATION "${dest}")
    file(TOUCH "${stamp}")
  endif()
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${tar}")
endfunction()

# Fails unless <name> can be a C identifier (it becomes tvmgen_<name>_run and TVMCRT_<NAME>_* macros).
function(_tvmcrt_check_identifier what name)
  if(NOT name MATCHES "^[A-Za-z_][A-Za-z0-9_]*$")
    message(FATAL_ERROR "${what}: model name '${name}' is not a C identifier (letters, digits and _, "
                        "not starting with a digit): it names tvmgen_<model>_run() and every generated "
                        "macro. Compile the model again with a name that is one, e.g. "
                        "tvmc compile --module-name=my_model (relay.build(..., mod_name=\"my_model\")).")
  endif()
endfunction()

# The models' module names, checked to be unique in one image (their symbols would clash).
function(_tvmcrt_model_names out context)
  set(names "")
  foreach(model IN LISTS ARGN)
    if(NOT TARGET ${model})
      message(FATAL_ERROR "${context}: '${model}' is not a target; create it with tvmcrt_add_model()")
    endif()
    get_target_property(cname ${model} TVMCRT_MODEL_NAME)
    if(NOT cname)
      message(FATAL_ERROR "${context}: '${model}' was not made by tvmcrt_add_model()")
    endif()
    if(cname IN_LIST names)
      message(FATAL_ERROR "${context}: two models are named '${cname}' (one is ${model}). "
                          "Model names must be unique in one image: compile one of them with another "
                          "mod_name in tvm.relay.build() (tvmc compile --module-name).")
    endif()
    list(APPEND names ${cname})
  endforeach()
  set(${out} ${names} PARENT_SCOPE)
endfunction()

# Fails with the folder to give instead when <mlf> is one level off: TVM's output is the folder that
# holds codegen/ (with metadata.json in MLF, alone in header-only output of older TVM).
function(_tvmcrt_check_model_folder what mlf given)
  if(EXISTS "${mlf}/codegen/host/include")
    return()
  endif()
  get_filename_component(parent "${mlf}" DIRECTORY)
  get_filename_component(grandparent "${parent}" DIRECTORY)
  file(GLOB below LIST_DIRECTORIES true "${mlf}/*/codegen/host/include")
  if(EXISTS "${mlf}/host/include")
    set(instead "${parent}")       # given codegen/
  elseif(EXISTS "${mlf}/include" AND EXISTS "${mlf}/src" AND EXISTS "${parent}/../codegen")
    set(instead "${grandparent}")  # given codegen/host/
  elseif(below)
    list(GET below 0 first)
    string(REGEX REPLACE "/codegen/host/include$" "" instead "${first}")  # given the folder above
  else()
    message(FATAL_ERROR "${what}: MLF '${given}' has no codegen/host/include: give the folder TVM wrote "
                        "(a Model Library Format .tar or its unpacked folder, or the folder holding "
                        "codegen/host/{include,src} of older TVM output)")
  endif()
  message(FATAL_ERROR "${what}: MLF '${given}' is not the model's folder: TVM's output is the folder "
                      "holding codegen/ (codegen/host/include/tvmgen_<model>.h): give MLF ${instead}")
endfunction()

# What a model's library brings to every image that links it: libm after the user's libraries (a
# static libm must come after the archives that call it), and the user's link options.
function(_tvmcrt_model_link target libraries options)
  target_link_libraries(${target} PUBLIC ${libraries} m)
  if(options)
    target_link_options(${target} PUBLIC ${options})
  endif()
endfunction()

function(tvmcrt_add_model target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "MLF;NAME;SIDECAR;WORKSPACE_SLACK;IO_ALIGNMENT"
                        "INCLUDE_DIRS;SOURCES;DEFINITIONS;LINK_LIBRARIES;LINK_OPTIONS")
  if(arg_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "tvmcrt_add_model(${target}): unknown arguments ${arg_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT arg_MLF)
    message(FATAL_ERROR "tvmcrt_add_model(${target}): MLF <folder or .tar> is required")
  endif()
  if(DEFINED arg_NAME)
    _tvmcrt_check_identifier("tvmcrt_add_model(${target}) NAME" "${arg_NAME}")
  endif()
  get_filename_component(mlf "${arg_MLF}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT EXISTS "${mlf}")
    message(FATAL_ERROR "tvmcrt_add_model(${target}): MLF '${mlf}' does not exist")
  endif()
  if(NOT IS_DIRECTORY "${mlf}")
    set(dir "${CMAKE_CURRENT_BINARY_DIR}/${target}_mlf")
    _tvmcrt_unpack("${mlf}" "${dir}")
    set(mlf "${dir}")
  endif()

  _tvmcrt_check_model_folder("tvmcrt_add_model(${target})" "${mlf}" "${arg_MLF}")

  # The model name decides every generated file name, so it is needed now, at configure time.
  file(GLOB headers RELATIVE "${mlf}/codegen/host/include" "${mlf}/codegen/host/include/tvmgen_*.h")
  if(arg_NAME)
    string(TOLOWER "${arg_NAME}" cname)
    if(NOT EXISTS "${mlf}/codegen/host/include/tvmgen_${cname}.h")
      message(FATAL_ERROR "tvmcrt_add_model(${target}): ${mlf}/codegen/host/include has no "
                          "tvmgen_${cname}.h for NAME ${arg_NAME} (found: ${headers})")
    endif()
  else()
    list(LENGTH headers n)
    if(NOT n EQUAL 1)
      message(FATAL_ERROR "tvmcrt_add_model(${target}): expected exactly one "
                          "codegen/host/include/tvmgen_<model>.h in ${mlf}, found ${n} (${headers}); "
                          "pass NAME <model> (and compile the model with --interface-api=c)")
    endif()
    string(REGEX REPLACE "^tvmgen_(.*)\\.h$" "\\1" cname "${headers}")
    _tvmcrt_check_identifier("tvmcrt_add_model(${target}): ${mlf}/codegen/host/include/${headers}" "${cname}")
  endif()

  # C target output is codegen/host/src/*.c (BYOC may add .cc); an llvm target leaves objects in lib/.
  file(GLOB model_sources CONFIGURE_DEPENDS "${mlf}/codegen/host/src/*.c" "${mlf}/codegen/host/src/*.cc"
       "${mlf}/codegen/host/src/*.cpp")
  file(GLOB model_objects CONFIGURE_DEPENDS "${mlf}/codegen/host/lib/*.o")
  set(gen "${CMAKE_CURRENT_BINARY_DIR}/${target}_gen")
  set(outputs "${gen}/tvmcrt_model_${cname}.h" "${gen}/tvmcrt_model_${cname}.c"
              "${gen}/tvmcrt_model_${cname}_slots.h")
  set(args "${mlf}" --out-dir "${gen}")
  set(deps "${mlf}/codegen/host/include/tvmgen_${cname}.h" ${model_sources} ${model_objects})
  foreach(f metadata.json src/relay.txt "src/${cname}.relay")
    if(EXISTS "${mlf}/${f}")
      list(APPEND deps "${mlf}/${f}")
    endif()
  endforeach()
  if(arg_NAME)
    list(APPEND args --name "${arg_NAME}")
  endif()
  if(arg_SIDECAR)
    get_filename_component(sidecar "${arg_SIDECAR}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND args --sidecar "${sidecar}")
    list(APPEND deps "${sidecar}")
  endif()
  if(DEFINED arg_WORKSPACE_SLACK)
    list(APPEND args --workspace-slack "${arg_WORKSPACE_SLACK}")
  endif()
  if(DEFINED arg_IO_ALIGNMENT)
    list(APPEND args --io-alignment "${arg_IO_ALIGNMENT}")
  endif()
  _tvmcrt_import_tool(tool tool_dep)
  add_custom_command(OUTPUT ${outputs}
    COMMAND ${tool} ${args}
    DEPENDS ${tool_dep} ${deps}
    COMMENT "tvmcrt-import: model ${cname} (${target})"
    VERBATIM)

  # Absolute paths: the call is replayed in firmware projects (TVMCRT_MODEL_ARGS, TvmcrtDevices.cmake).
  list(TRANSFORM arg_SOURCES PREPEND "${CMAKE_CURRENT_SOURCE_DIR}/" REGEX "^[^/]")
  list(TRANSFORM arg_INCLUDE_DIRS PREPEND "${CMAKE_CURRENT_SOURCE_DIR}/" REGEX "^[^/]")
  # A relative library path (it has a / or a .) is the user's file; a name (m, -lfoo) stays a name.
  list(TRANSFORM arg_LINK_LIBRARIES PREPEND "${CMAKE_CURRENT_SOURCE_DIR}/" REGEX "^[^/-].*[/.]")
  # EXCLUDE_FROM_ALL: compiled for the images that link it only, so a model whose sources need the
  # target (CMSIS-NN, DSP intrinsics) can be in a project that also builds a native device without it.
  add_library(${target} STATIC EXCLUDE_FROM_ALL ${model_sources} ${model_objects} ${arg_SOURCES}
              "${gen}/tvmcrt_model_${cname}.c")
  target_include_directories(${target} PUBLIC "${gen}" PRIVATE "${mlf}/codegen/host/include" ${arg_INCLUDE_DIRS})
  target_compile_definitions(${target} PRIVATE ${arg_DEFINITIONS})
  if(TARGET tvmcrt_runtime)
    target_link_libraries(${target} PUBLIC tvmcrt_runtime)
  else()
    target_link_libraries(${target} PUBLIC tvmcrt::runtime)
  endif()
  _tvmcrt_model_link(${target} "${arg_LINK_LIBRARIES}" "${arg_LINK_OPTIONS}")
  # TVM's own sources carry known warnings (mismatched pool pointer types, an error by default from
  # GCC 14): build them leniently. Our generated adapter gets the strict set.
  # A call to a function no header declares fails here, naming it (GCC 12 only warns, and the image
  # then fails to link far from the cause): a missing intrinsic, a CMSIS folder not given.
  set(tvm_options "$<$<COMPILE_LANGUAGE:C>:-Wno-incompatible-pointer-types>"
                  "$<$<COMPILE_LANGUAGE:C>:-Werror=implicit-function-declaration>"
                  -Wno-unused-variable -Wno-unused-parameter)
  # Native builds: the Arm DSP intrinsics in portable C (runtime/arm_portable), forced into TVM's
  # sources and found before the model's own folders, so code for arm_cpu or CMSIS-NN gives golden
  # outputs on the PC. The board uses the compiler's and CMSIS's real ones.
  # (runtime/arm_portable next to this file: a source tree and the installed share/tvmcrt/source alike)
  if(NOT CMAKE_CROSSCOMPILING)
    set(portable "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../runtime/arm_portable")
    target_include_directories(${target} BEFORE PRIVATE "${portable}")
    list(APPEND tvm_options "-include${portable}/tvmcrt_arm_portable.h")  # one word: CMake would merge a repeated "-include"
  endif()
  set_source_files_properties(${model_sources} TARGET_DIRECTORY ${target} PROPERTIES COMPILE_OPTIONS
    "${tvm_options}")
  # ... and a line saying what declares the missing function (an intrinsic: which CMSIS folder).
  set_target_properties(${target} PROPERTIES C_COMPILER_LAUNCHER
                        "/bin/sh;${CMAKE_CURRENT_FUNCTION_LIST_DIR}/tvmcrt-cc-hint.sh")
  set_source_files_properties("${gen}/tvmcrt_model_${cname}.c" TARGET_DIRECTORY ${target} PROPERTIES
    COMPILE_OPTIONS "-Wall;-Wextra;-Werror;-Wstrict-prototypes;-Wmissing-prototypes")
  # What tvmcrt_link_models() and tests need to know about the model.
  set_target_properties(${target} PROPERTIES TVMCRT_MODEL_NAME "${cname}" TVMCRT_MODEL_GEN_DIR "${gen}"
                                             TVMCRT_MODEL_MLF_DIR "${mlf}")
  # The same model for another build of the image (the firmware): every argument, paths absolute.
  set(replay MLF "${mlf}")
  foreach(key NAME WORKSPACE_SLACK IO_ALIGNMENT)
    if(DEFINED arg_${key})
      list(APPEND replay ${key} "${arg_${key}}")
    endif()
  endforeach()
  if(arg_SIDECAR)
    list(APPEND replay SIDECAR "${sidecar}")
  endif()
  foreach(key INCLUDE_DIRS SOURCES DEFINITIONS LINK_LIBRARIES LINK_OPTIONS)
    if(arg_${key})
      list(APPEND replay ${key} ${arg_${key}})
    endif()
  endforeach()
  set_target_properties(${target} PROPERTIES TVMCRT_MODEL_ARGS "${replay}")
endfunction()

function(tvmcrt_link_models exe)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "ARENA_SIZE" "MODELS")
  if(arg_UNPARSED_ARGUMENTS OR NOT arg_MODELS)
    message(FATAL_ERROR "tvmcrt_link_models(${exe} MODELS <model targets...> [ARENA_SIZE <bytes>])")
  endif()
  set(includes "")
  set(slots "")
  set(needs "")
  set(checks "")
  _tvmcrt_model_names(names "tvmcrt_link_models(${exe})" ${arg_MODELS})
  foreach(model IN LISTS arg_MODELS)
    get_target_property(cname ${model} TVMCRT_MODEL_NAME)
    string(TOUPPER "${cname}" up)
    string(APPEND includes "#include \"tvmcrt_model_${cname}_slots.h\"\n")
    string(APPEND slots "    TVMCRT_${up}_SLOT,\n")
    string(APPEND needs " + TVMCRT_${up}_ARENA_NEED")
    string(APPEND checks "#if TVMCRT_AGENT_ARENA_SIZE < TVMCRT_${up}_ARENA_NEED\n"
      "#error \"ARENA_SIZE given to tvmcrt_link_models(${exe}) is below what model ${cname} needs \"\n#endif\n")
  endforeach()
  list(LENGTH names count)
  if(DEFINED arg_ARENA_SIZE)
    set(arena "${arg_ARENA_SIZE}")
  else()
    set(arena "(0${needs})")
    set(checks "")
  endif()
  set(table "${CMAKE_CURRENT_BINARY_DIR}/${exe}_tvmcrt_models.c")
  file(CONFIGURE OUTPUT "${table}" @ONLY CONTENT
"/* ${exe}_tvmcrt_models.c — the agent's model table, generated by tvmcrt_link_models(); do not edit. */
#include <stddef.h>
#include <stdint.h>

#include \"tvmcrt_agent_models.h\"
@includes@
/* Every model's pools at once, each rounded to its alignment, unless the build gave ARENA_SIZE. */
#define TVMCRT_AGENT_ARENA_SIZE @arena@
@checks@
const tvmcrt_agent_model_t tvmcrt_agent_models[] = {
@slots@};
const size_t tvmcrt_agent_model_count = @count@;

uint8_t tvmcrt_agent_arena[TVMCRT_AGENT_ARENA_SIZE > 0 ? TVMCRT_AGENT_ARENA_SIZE : 1] __attribute__((aligned(16)));
const uint32_t tvmcrt_agent_arena_size = TVMCRT_AGENT_ARENA_SIZE;
")
  target_sources(${exe} PRIVATE "${table}")
  set_source_files_properties("${table}" TARGET_DIRECTORY ${exe} PROPERTIES
    COMPILE_OPTIONS "-Wall;-Wextra;-Werror;-Wstrict-prototypes;-Wmissing-prototypes")
  # Linking the models orders the build: their slots headers exist before the table compiles.
  target_include_directories(${exe} PRIVATE "${TVMCRT_AGENT_INCLUDE_DIR}")
  target_link_libraries(${exe} PRIVATE ${arg_MODELS})
endfunction()
