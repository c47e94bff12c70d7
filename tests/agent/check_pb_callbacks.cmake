# SPDX-License-Identifier: Apache-2.0
# check_pb_callbacks.cmake — fails if nanopb's generated header has a pb_callback_t field other
# than the ones proto/tvmcrt.options asks for (a missing -I for the .options file, or a new
# unbounded field, silently turns fixed-size fields into callbacks the agent never sets).
#   cmake -DHEADER=<build>/proto/nanopb/tvmcrt.pb.h -P check_pb_callbacks.cmake
cmake_minimum_required(VERSION 3.20)
set(expected
  "tvmcrt_wire_ErrorText.strings"
  "tvmcrt_wire_MemoryRegion.name"
  "tvmcrt_wire_HelloResponse.firmware_build_id"
  "tvmcrt_wire_HelloResponse.platform"
  "tvmcrt_wire_HelloResponse.regions"
  "tvmcrt_wire_TensorInfo.name"
  "tvmcrt_wire_TensorInfo.shape"
  "tvmcrt_wire_PoolInfo.name"
  "tvmcrt_wire_ModelInfoResponse.name"
  "tvmcrt_wire_ModelInfoResponse.inputs"
  "tvmcrt_wire_ModelInfoResponse.outputs"
  "tvmcrt_wire_ModelInfoResponse.pools"
  "tvmcrt_wire_SetWorkspacesRequest.placements"
  "tvmcrt_wire_WriteInputRequest.data"
  "tvmcrt_wire_ReadOutputResponse.data"
  "tvmcrt_wire_GetLastErrorResponse.text"
  "tvmcrt_wire_ReadProfileResponse.operators"
  "tvmcrt_wire_OperatorProfile.name")

if(NOT EXISTS "${HEADER}")
  message(FATAL_ERROR "${HEADER} not found: build the tvmcrt_nanopb target first")
endif()
# Semicolons would split lines into CMake list items: drop them, then split on newlines.
file(READ "${HEADER}" content)
string(REPLACE ";" "" content "${content}")
string(REPLACE "\n" ";" lines "${content}")
set(found "")
set(message_name "")
foreach(line IN LISTS lines)
  if("${line}" MATCHES "^typedef struct _([A-Za-z0-9_]+) {")
    set(message_name "${CMAKE_MATCH_1}")
  elseif("${line}" MATCHES "pb_callback_t ([A-Za-z0-9_]+)")
    list(APPEND found "${message_name}.${CMAKE_MATCH_1}")
  endif()
endforeach()

set(bad "")
foreach(f IN LISTS found)
  if(NOT f IN_LIST expected)
    list(APPEND bad "${f}")
  endif()
endforeach()
set(missing "")
foreach(f IN LISTS expected)
  if(NOT f IN_LIST found)
    list(APPEND missing "${f}")
  endif()
endforeach()
if(bad OR missing)
  message(FATAL_ERROR "nanopb callback fields differ from proto/tvmcrt.options:\n"
          "  unexpected pb_callback_t: ${bad}\n  expected but not callbacks: ${missing}\n"
          "Give new string/bytes/repeated fields a max_size/max_count (or FT_CALLBACK and handle "
          "them in device/agent), and check that protoc gets --nanopb_opt=-I<dir of tvmcrt.options>.")
endif()
list(LENGTH found n)
message(STATUS "nanopb callbacks as intended: ${n} fields")
