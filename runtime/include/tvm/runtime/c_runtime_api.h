/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvm/runtime/c_runtime_api.h — what TVM-generated C includes under this name, written for tvmcrt.
 *
 * Declaration-compatible with Apache TVM's header of the same name (0.9-0.18) for the parts that
 * code generated for microcontrollers uses: TVM_DLL, the argument type codes, TVMValue, the handle
 * types, and the last-error calls. Functions that only TVM's full runtime provides are not declared,
 * so generated code that needs them fails at link time with the function's name.
 */
#ifndef TVM_RUNTIME_C_RUNTIME_API_H_
#define TVM_RUNTIME_C_RUNTIME_API_H_

#if defined(_MSC_VER)
#define TVM_WEAK __declspec(selectany)
#else
#define TVM_WEAK __attribute__((weak))
#endif

#if defined(__GNUC__) || defined(__clang__)
#define TVM_ATTRIBUTE_UNUSED __attribute__((unused))
#else
#define TVM_ATTRIBUTE_UNUSED
#endif

/* Generated code defines TVM_EXPORTS before including this header; on the targets tvmcrt serves,
 * exporting and importing are the same. */
#ifndef TVM_DLL
#if defined(_WIN32)
#ifdef TVM_EXPORTS
#define TVM_DLL __declspec(dllexport)
#else
#define TVM_DLL __declspec(dllimport)
#endif
#else
#define TVM_DLL __attribute__((visibility("default")))
#endif
#endif

#define TVM_VERSION "0.18.0"

#include <dlpack/dlpack.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef int64_t tvm_index_t;

typedef enum {
  kTVMArgInt = kDLInt,
  kTVMArgFloat = kDLFloat,
  kTVMOpaqueHandle = 3U,
  kTVMNullptr = 4U,
  kTVMDataType = 5U,
  kDLDevice = 6U,
  kTVMDLTensorHandle = 7U,
  kTVMObjectHandle = 8U,
  kTVMModuleHandle = 9U,
  kTVMPackedFuncHandle = 10U,
  kTVMStr = 11U,
  kTVMBytes = 12U,
  kTVMNDArrayHandle = 13U,
  kTVMObjectRValueRefArg = 14U,
  kTVMArgBool = 15U,
  kTVMExtBegin = 16U,
  kTVMExtEnd = 128U,
} TVMArgTypeCode;

typedef DLTensor *TVMArrayHandle;

typedef union {
  int64_t v_int64;
  double v_float64;
  void *v_handle;
  const char *v_str;
  DLDataType v_type;
  DLDevice v_device;
} TVMValue;

typedef struct {
  const char *data;
  size_t size;
} TVMByteArray;

typedef void *TVMModuleHandle;
typedef void *TVMFunctionHandle;
typedef void *TVMRetValueHandle;
typedef void *TVMStreamHandle;
typedef void *TVMObjectHandle;

/* Records msg as the text TVMGetLastError() returns. Generated code calls it before returning an
 * error; tvmcrt's TVMExecute() adds it to the error it reports. */
TVM_DLL void TVMAPISetLastError(const char *msg);

/* The text of the last error (tvmcrt: the same as tvmcrt.h's TVMGetLastError()). */
TVM_DLL const char *TVMGetLastError(void);

#ifdef __cplusplus
}
#endif

#endif /* TVM_RUNTIME_C_RUNTIME_API_H_ */
