/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_config.h — compile-time limits of the runtime. Override any of them with -D or by naming a
 * header in TVMCRT_CONFIG_FILE; every value here is a default.
 */
#ifndef TVMCRT_CONFIG_H_
#define TVMCRT_CONFIG_H_

#ifdef TVMCRT_CONFIG_FILE
#include TVMCRT_CONFIG_FILE
#endif

/* Workspaces one context can hold (stack workspace + external pools). Each costs 3 words of RAM. */
#ifndef TVMCRT_MAX_WORKSPACES
#define TVMCRT_MAX_WORKSPACES 4
#endif

/* Device handles one context can hold (struct tvmgen_<m>_devices). */
#ifndef TVMCRT_MAX_DEVICES
#define TVMCRT_MAX_DEVICES 2
#endif

/* Live TVMBackendAllocWorkspace allocations at once. TVM's AOT code nests them as deep as the
 * operator with the most scratch buffers; each costs one word of RAM. */
#ifndef TVMCRT_MAX_STACK_ALLOCS
#define TVMCRT_MAX_STACK_ALLOCS 16
#endif

/* Alignment of every TVMBackendAllocWorkspace block, as TVM's own stack allocator uses. */
#ifndef TVMCRT_STACK_ALIGNMENT
#define TVMCRT_STACK_ALIGNMENT 16
#endif

/* 1: every error has a text naming the model, tensor or pool, the numbers and the fix
 * (TVMGetLastError()). 0: the texts are compiled out and TVMGetLastError() gives
 * "tvmcrt error 0x<code>" (docs/runtime.md lists the codes); a model's own TVMAPISetLastError()
 * text is still kept. Saves about 1.5 KiB of flash on Cortex-M4 (scripts/size-report). */
#ifndef TVMCRT_ERROR_TEXTS
#define TVMCRT_ERROR_TEXTS 1
#endif

/* Length of the TVMGetLastError() buffer, including the terminating NUL. */
#ifndef TVMCRT_LAST_ERROR_SIZE
#define TVMCRT_LAST_ERROR_SIZE 160
#endif

#if TVMCRT_MAX_WORKSPACES < 1 || TVMCRT_MAX_WORKSPACES > 255
#error "TVMCRT_MAX_WORKSPACES must be 1..255 (a context's count is a uint8_t)"
#endif
#if TVMCRT_MAX_DEVICES < 1 || TVMCRT_MAX_DEVICES > 255
#error "TVMCRT_MAX_DEVICES must be 1..255 (a context's count is a uint8_t)"
#endif
#if (TVMCRT_STACK_ALIGNMENT & (TVMCRT_STACK_ALIGNMENT - 1)) != 0
#error "TVMCRT_STACK_ALIGNMENT must be a power of two"
#endif
#if TVMCRT_LAST_ERROR_SIZE < 64
#error "TVMCRT_LAST_ERROR_SIZE below 64 cuts model and tensor names out of error messages"
#endif

#if defined(__GNUC__) || defined(__clang__)
#define TVMCRT_CHECK_RETURN __attribute__((warn_unused_result))
#else
#define TVMCRT_CHECK_RETURN
#endif

#endif /* TVMCRT_CONFIG_H_ */
