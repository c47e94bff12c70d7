# SPDX-License-Identifier: Apache-2.0
# TvmcrtModel.cmake — build TVM models into tvmcrt libraries and agent model tables.
#
#   tvmcrt_add_model(<target> MLF <folder-or-.tar> [MODULE <module>] [NAME <name>]
#                    [METADATA <metadata.json>] [SIDECAR <json>] [CMSIS_NN <dir>]
#                    [WORKSPACE_SLACK <bytes>] [IO_ALIGNMENT <bytes>] [PROFILE]
#                    [INCLUDE_DIRS ...] [SOURCES ...] [DEFINITIONS ...]
#                    [LINK_LIBRARIES ...] [LINK_OPTIONS ...])
#     A STATIC library <target>: the model's sources plus the adapter tvmcrt-import generates at
#     build time (tvmcrt_model_<name>.h/.c, docs/model-header.md). Links tvmcrt_runtime and the C
#     maths library (libm: TVM's code calls roundf, expf, tanhf, ...), then LINK_LIBRARIES (names,
#     paths or targets) and LINK_OPTIONS, in every image that carries the model, and exposes the
#     generated header. Model sources are compiled with -Werror=implicit-function-declaration;
#     native builds get portable Arm intrinsics (runtime/arm_portable). A .tar is unpacked at
#     configure time into the build folder. Built only for what links it (EXCLUDE_FROM_ALL).
#     The folder may be laid out any way (an MLF, codegen/host, include+src, ...): the header is the
#     tvmgen_<module>.h declaring tvmgen_<module>_run(), the sources are the files defining
#     tvmgen_<module>_* functions, wherever they are (host/import/src/discover.hpp has the rules).
#     MODULE picks the model when the folder holds several. NAME is the model's name in the image:
#     it picks the module of that name if there is one, else renames the folder's one model (every
#     tvmgen_<module>_* symbol becomes tvmgen_<name>_*), so that models all compiled as "default"
#     can share an image. Default: the module name. METADATA: a metadata.json outside the folder.
#     CMSIS_NN: a CMSIS-NN checkout; adds its Include folder and the kernels the model's code calls
#     (with what they call in turn), for native and firmware builds alike.
#     PROFILE: time every operator on the device (tvmcrt-host profile, docs/profile.md): the model's
#     sources are compiled with -finstrument-functions (headers of the system, of CMSIS and of the
#     portable intrinsics left out) and tvmcrt-import writes its operator table. Images without a
#     PROFILE model carry no probe, no hook and no record buffer.
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
                          "Model names must be unique in one image: give one of them another name with "
                          "tvmcrt_add_model(... NAME <name>), which renames its symbols.")
    endif()
    list(APPEND names ${cname})
  endforeach()
  set(${out} ${names} PARENT_SCOPE)
endfunction()

# The lowercase module names of the tvmgen_<m>.h headers under <dir> that declare tvmgen_<m>_run(),
# and for each module m the list _tvmcrt_headers_<m> of those headers.
macro(_tvmcrt_find_headers dir)
  file(GLOB_RECURSE _all_headers "${dir}/tvmgen_*.h")
  set(_modules "")
  foreach(_h IN LISTS _all_headers)
    get_filename_component(_leaf "${_h}" NAME)
    string(REGEX REPLACE "^tvmgen_(.*)\\.h$" "\\1" _m "${_leaf}")
    _tvmcrt_check_identifier("tvmcrt_add_model(): ${_h}" "${_m}")
    file(STRINGS "${_h}" _run REGEX "tvmgen_${_m}_run[ \t]*\\(")
    if(_run)
      list(APPEND _tvmcrt_headers_${_m} "${_h}")
      list(APPEND _modules "${_m}")
    endif()
  endforeach()
  list(REMOVE_DUPLICATES _modules)
endmacro()

# Which model of <dir> to import (MODULE, else the one NAME names, else the only one) and its header.
function(_tvmcrt_pick_model context dir module name out_module out_header)
  _tvmcrt_find_headers("${dir}")
  string(TOLOWER "${name}" lname)
  if(NOT module AND name AND lname IN_LIST _modules)
    set(module "${lname}")
  endif()
  string(REPLACE ";" ", " found "${_modules}")
  if(module AND NOT module IN_LIST _modules)
    message(FATAL_ERROR "${context}: no tvmgen_${module}.h declaring tvmgen_${module}_run() under ${dir} "
                        "(models found: ${found}). Pass MODULE <one of them>; NAME then gives it the name "
                        "you want in the image.")
  endif()
  if(NOT module)
    list(LENGTH _modules n)
    if(n EQUAL 0)
      message(FATAL_ERROR "${context}: no model found under ${dir}: looked in every folder for a header "
                          "tvmgen_<model>.h declaring tvmgen_<model>_run(). Pass the folder TVM wrote for the "
                          "model (compiled with the AOT executor and --interface-api=c), e.g. the unpacked MLF.")
    elseif(n GREATER 1)
      message(FATAL_ERROR "${context}: several models under ${dir} (${found}): choose one with MODULE <model>")
    endif()
    set(module "${_modules}")
  endif()
  # Identical copies (an application keeps one beside its code) are one header; TVM's own wins.
  set(copies ${_tvmcrt_headers_${module}})
  list(GET copies 0 header)
  file(SHA256 "${header}" first)
  foreach(h IN LISTS copies)
    file(SHA256 "${h}" sum)
    if(NOT sum STREQUAL first)
      string(REPLACE ";" "\n  " all "${copies}")
      message(FATAL_ERROR "${context}: several different tvmgen_${module}.h under ${dir}:\n  ${all}\n"
                          "Pass the folder that holds the one of the model you mean (e.g. its MLF or codegen/ "
                          "folder), not a folder above several exports.")
    endif()
    if(h MATCHES "/codegen/host/include/")
      set(header "${h}")
    endif()
  endforeach()
  set(${out_module} "${module}" PARENT_SCOPE)
  set(${out_header} "${header}" PARENT_SCOPE)
endfunction()

# The C/C++ sources under <dir> that define a tvmgen_<module>_* function, and the objects holding
# such a symbol: the rule of host/import/src/discover.cpp, which checks that both agree.
function(_tvmcrt_model_files dir module out_sources out_objects)
  file(GLOB_RECURSE candidates "${dir}/*.c" "${dir}/*.cc" "${dir}/*.cpp")
  set(sources "")
  foreach(f IN LISTS candidates)
    file(STRINGS "${f}" hit REGEX "tvmgen_${module}_" LIMIT_COUNT 1)
    if(hit)
      file(READ "${f}" text)
      if(text MATCHES "tvmgen_${module}_[A-Za-z0-9_]*[ \t\r\n]*\\([^;{}()]*(\\([^;{}()]*\\)[^;{}()]*)*\\)[ \t\r\n]*{")
        list(APPEND sources "${f}")
      endif()
    endif()
  endforeach()
  file(GLOB_RECURSE objects_found "${dir}/*.o")
  set(objects "")
  foreach(f IN LISTS objects_found)
    file(STRINGS "${f}" hit REGEX "tvmgen_${module}_" LIMIT_COUNT 1)
    if(hit)
      list(APPEND objects "${f}")
    endif()
  endforeach()
  list(SORT sources)
  list(SORT objects)
  set(${out_sources} ${sources} PARENT_SCOPE)
  set(${out_objects} ${objects} PARENT_SCOPE)
endfunction()

# CMSIS-NN's Include folder and the sources of the kernels `model_sources` call, with the kernels
# those call in turn. A checkout of the CMSIS-NN repository (Include/, Source/) or of CMSIS_5
# (CMSIS/NN/...) will do. Only what the model uses is compiled: the float kernels, which pull in
# CMSIS-DSP, stay out unless the model calls them.
function(_tvmcrt_cmsis_nn context dir model_sources out_include out_sources)
  if(EXISTS "${dir}/CMSIS/NN/Include")
    set(dir "${dir}/CMSIS/NN")
  endif()
  if(NOT EXISTS "${dir}/Include/arm_nnfunctions.h")
    message(FATAL_ERROR "${context}: CMSIS_NN ${dir} has no Include/arm_nnfunctions.h; pass a checkout of "
                        "the CMSIS-NN repository (or of CMSIS_5)")
  endif()
  # Index: function name -> file defining it.
  file(GLOB_RECURSE lib "${dir}/Source/*.c")
  foreach(f IN LISTS lib)
    file(READ "${f}" text)
    string(REGEX MATCHALL "[\n\r][A-Za-z_][A-Za-z0-9_ \t\\*]*[ \t\\*](arm_[A-Za-z0-9_]+)[ \t]*\\([^;{]*\\)[ \t\r\n]*{" defs "${text}")
    foreach(d IN LISTS defs)
      string(REGEX MATCH "(arm_[A-Za-z0-9_]+)[ \t]*\\(" fn "${d}")
      set(_def_${CMAKE_MATCH_1} "${f}")
    endforeach()
  endforeach()
  set(todo ${model_sources})
  set(picked "")
  while(todo)
    list(POP_FRONT todo f)
    file(READ "${f}" text)
    string(REGEX MATCHALL "arm_[A-Za-z0-9_]+[ \t]*\\(" calls "${text}")
    foreach(c IN LISTS calls)
      string(REGEX REPLACE "[ \t]*\\($" "" c "${c}")
      if(DEFINED _def_${c} AND NOT _def_${c} IN_LIST picked)
        list(APPEND picked "${_def_${c}}")
        list(APPEND todo "${_def_${c}}")
      endif()
    endforeach()
  endwhile()
  list(SORT picked)
  set(${out_include} "${dir}/Include" PARENT_SCOPE)
  set(${out_sources} ${picked} PARENT_SCOPE)
endfunction()

# Fails with the folder to give instead when <dir> is one level below an MLF (its codegen/ or
# codegen/host/): the model's files are found there, but not the metadata.json beside codegen/.
function(_tvmcrt_check_model_folder what dir given metadata)
  if(metadata)
    return()
  endif()
  file(GLOB_RECURSE inside "${dir}/metadata.json")
  if(inside)
    return()
  endif()
  get_filename_component(parent "${dir}" DIRECTORY)
  get_filename_component(grandparent "${parent}" DIRECTORY)
  foreach(up IN ITEMS "${parent}" "${grandparent}")
    if(EXISTS "${up}/metadata.json" AND EXISTS "${up}/codegen")
      message(FATAL_ERROR "${what}: MLF '${given}' is inside the model's folder, not the folder itself: its "
                          "metadata.json is in ${up}. Give MLF ${up} (or METADATA ${up}/metadata.json).")
    endif()
  endforeach()
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
  cmake_parse_arguments(PARSE_ARGV 1 arg "PROFILE" "MLF;MODULE;NAME;METADATA;SIDECAR;CMSIS_NN;WORKSPACE_SLACK;IO_ALIGNMENT"
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

  _tvmcrt_check_model_folder("tvmcrt_add_model(${target})" "${mlf}" "${arg_MLF}" "${arg_METADATA}")

  # The model name decides every generated file name, so it is needed now, at configure time.
  _tvmcrt_pick_model("tvmcrt_add_model(${target})" "${mlf}" "${arg_MODULE}" "${arg_NAME}" module header)
  _tvmcrt_check_identifier("tvmcrt_add_model(${target}): ${header}" "${module}")
  if(arg_NAME)
    string(TOLOWER "${arg_NAME}" cname)
  else()
    set(cname "${module}")
  endif()
  _tvmcrt_model_files("${mlf}" "${module}" model_sources model_objects)
  set(gen "${CMAKE_CURRENT_BINARY_DIR}/${target}_gen")
  set(prelude "${gen}/tvmcrt_model_${cname}_prelude.h")
  set(outputs "${gen}/tvmcrt_model_${cname}.h" "${gen}/tvmcrt_model_${cname}.c"
              "${gen}/tvmcrt_model_${cname}_slots.h" "${prelude}")
  set(args "${mlf}" --out-dir "${gen}" --module "${module}" --header "${header}")
  foreach(f IN LISTS model_sources)
    list(APPEND args --source "${f}")
  endforeach()
  foreach(f IN LISTS model_objects)
    list(APPEND args --object "${f}")
  endforeach()
  file(GLOB_RECURSE hints "${mlf}/metadata.json" "${mlf}/*.relay" "${mlf}/relay.txt")
  set(deps "${header}" ${model_sources} ${model_objects} ${hints})
  if(arg_NAME)
    list(APPEND args --name "${arg_NAME}")
  endif()
  if(arg_METADATA)
    get_filename_component(metadata "${arg_METADATA}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND args --metadata "${metadata}")
    list(APPEND deps "${metadata}")
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
  set(profile_source "")
  if(arg_PROFILE)
    list(APPEND args --profile)
    set(profile_source "${gen}/tvmcrt_model_${cname}_profile.c")
    list(APPEND outputs "${profile_source}")
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
  set(cmsis_sources "")
  if(arg_CMSIS_NN)
    get_filename_component(cmsis_nn "${arg_CMSIS_NN}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    _tvmcrt_cmsis_nn("tvmcrt_add_model(${target})" "${cmsis_nn}" "${model_sources}" cmsis_include cmsis_sources)
  endif()
  get_filename_component(header_dir "${header}" DIRECTORY)
  # EXCLUDE_FROM_ALL: compiled for the images that link it only, so a model whose sources need the
  # target (CMSIS-NN, DSP intrinsics) can be in a project that also builds a native device without it.
  add_library(${target} STATIC EXCLUDE_FROM_ALL ${model_sources} ${model_objects} ${arg_SOURCES}
              ${cmsis_sources} "${gen}/tvmcrt_model_${cname}.c" "${prelude}" ${profile_source})
  target_include_directories(${target} PUBLIC "${gen}" PRIVATE "${header_dir}" ${arg_INCLUDE_DIRS} ${cmsis_include})
  target_compile_definitions(${target} PRIVATE ${arg_DEFINITIONS})
  if(TARGET tvmcrt_runtime)
    target_link_libraries(${target} PUBLIC tvmcrt_runtime)
  else()
    target_link_libraries(${target} PUBLIC tvmcrt::runtime)
  endif()
  _tvmcrt_model_link(${target} "${arg_LINK_LIBRARIES}" "${arg_LINK_OPTIONS}")
  # TVM's own sources carry known warnings (mismatched pool pointer types, an error by default from
  # GCC 14): build them leniently. Our generated adapter gets the strict set.
  # They read the prelude first (renamed symbols, vendor checks).
  # A call to a function no header declares fails here, naming it (GCC 12 only warns, and the image
  # then fails to link far from the cause): a missing intrinsic, a CMSIS folder not given.
  # Each -include is one word: CMake would merge a repeated "-include".
  set(tvm_options "$<$<COMPILE_LANGUAGE:C>:-Wno-incompatible-pointer-types>"
                  "$<$<COMPILE_LANGUAGE:C>:-Werror=implicit-function-declaration>"
                  -Wno-unused-variable -Wno-unused-parameter "-include${prelude}")
  # Native builds: the Arm DSP intrinsics in portable C (runtime/arm_portable), forced into TVM's
  # sources and found before the model's own folders, so code for arm_cpu or CMSIS-NN gives golden
  # outputs on the PC. The board uses the compiler's and CMSIS's real ones.
  # (runtime/arm_portable next to this file: a source tree and the installed share/tvmcrt/source alike)
  if(NOT CMAKE_CROSSCOMPILING)
    set(portable "${CMAKE_CURRENT_FUNCTION_LIST_DIR}/../runtime/arm_portable")
    target_include_directories(${target} BEFORE PRIVATE "${portable}")
    list(APPEND tvm_options "-include${portable}/tvmcrt_arm_portable.h")
  endif()
  if(arg_PROFILE)
    # Every function of the model's own sources calls the profile hooks (runtime/src/profile.c);
    # inline functions from headers (intrinsics, libm) would call them inside the operators' loops.
    set(no_probe "/usr/include,/usr/lib")
    if(NOT CMAKE_CROSSCOMPILING)
      string(APPEND no_probe ",${portable}")
    endif()
    if(cmsis_include)
      string(APPEND no_probe ",${cmsis_include}")
    endif()
    list(APPEND tvm_options -finstrument-functions "-finstrument-functions-exclude-file-list=${no_probe}")
    set_source_files_properties("${profile_source}" TARGET_DIRECTORY ${target} PROPERTIES COMPILE_OPTIONS
      "-finstrument-functions;-include${prelude};-Wno-pedantic" OBJECT_DEPENDS "${prelude}")
  endif()
  set_source_files_properties(${model_sources} TARGET_DIRECTORY ${target} PROPERTIES COMPILE_OPTIONS
    "${tvm_options}" OBJECT_DEPENDS "${prelude}")
  # ... and a line saying what declares the missing function (an intrinsic: which CMSIS folder).
  set_target_properties(${target} PROPERTIES C_COMPILER_LAUNCHER
                        "/bin/sh;${CMAKE_CURRENT_FUNCTION_LIST_DIR}/tvmcrt-cc-hint.sh")
  set_source_files_properties("${gen}/tvmcrt_model_${cname}.c" TARGET_DIRECTORY ${target} PROPERTIES
    COMPILE_OPTIONS "-Wall;-Wextra;-Werror;-Wstrict-prototypes;-Wmissing-prototypes")
  # What tvmcrt_link_models() and tests need to know about the model.
  set_target_properties(${target} PROPERTIES TVMCRT_MODEL_NAME "${cname}" TVMCRT_MODEL_GEN_DIR "${gen}"
                                             TVMCRT_MODEL_MLF_DIR "${mlf}" TVMCRT_MODEL_MODULE "${module}")
  # The same model for another build of the image (the firmware): every argument, paths absolute.
  set(replay MLF "${mlf}")
  foreach(key MODULE NAME WORKSPACE_SLACK IO_ALIGNMENT)
    if(DEFINED arg_${key})
      list(APPEND replay ${key} "${arg_${key}}")
    endif()
  endforeach()
  foreach(key sidecar metadata cmsis_nn)
    if(DEFINED ${key})
      string(TOUPPER "${key}" word)
      list(APPEND replay ${word} "${${key}}")
    endif()
  endforeach()
  foreach(key INCLUDE_DIRS SOURCES DEFINITIONS LINK_LIBRARIES LINK_OPTIONS)
    if(arg_${key})
      list(APPEND replay ${key} ${arg_${key}})
    endif()
  endforeach()
  if(arg_PROFILE)
    list(APPEND replay PROFILE)
  endif()
  set_target_properties(${target} PROPERTIES TVMCRT_MODEL_ARGS "${replay}" TVMCRT_MODEL_PROFILE "${arg_PROFILE}")
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
