/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_errors.h — the runtime's error codes, (category << 8) | code.
 *
 * Categories 0x10–0x1F belong to the runtime, 0x20–0x2F to the device agent (device/agent), and 1–9
 * to TVM's own tvm_crt_error_t (tvm/runtime/crt/error_codes.h), so every code names its origin.
 */
#ifndef TVMCRT_ERRORS_H_
#define TVMCRT_ERRORS_H_

#define TVMCRT_ERROR(category, code) (((category) << 8) | (code))
#define TVMCRT_ERROR_CATEGORY(err) (((err) >> 8) & 0xff)

#define kTVMCrtCategoryArgument 0x10  /* a bad argument to an API call */
#define kTVMCrtCategoryWorkspace 0x11 /* workspace missing, too small, exhausted or misused */
#define kTVMCrtCategoryModel 0x12     /* the model's own code failed */

#define kTVMCrtOk 0
/* Argument */
#define kTVMCrtErrNullModel TVMCRT_ERROR(kTVMCrtCategoryArgument, 0x01)
#define kTVMCrtErrNullContext TVMCRT_ERROR(kTVMCrtCategoryArgument, 0x02)
#define kTVMCrtErrNullInputs TVMCRT_ERROR(kTVMCrtCategoryArgument, 0x03)
#define kTVMCrtErrNullOutputs TVMCRT_ERROR(kTVMCrtCategoryArgument, 0x04)
#define kTVMCrtErrMissingInput TVMCRT_ERROR(kTVMCrtCategoryArgument, 0x05)
#define kTVMCrtErrMissingOutput TVMCRT_ERROR(kTVMCrtCategoryArgument, 0x06)
#define kTVMCrtErrMisalignedTensor TVMCRT_ERROR(kTVMCrtCategoryArgument, 0x07)
#define kTVMCrtErrBadModel TVMCRT_ERROR(kTVMCrtCategoryArgument, 0x08)
#define kTVMCrtErrNullWorkspaces TVMCRT_ERROR(kTVMCrtCategoryArgument, 0x09)
#define kTVMCrtErrMissingDevice TVMCRT_ERROR(kTVMCrtCategoryArgument, 0x0a)
#define kTVMCrtErrTooManyDevices TVMCRT_ERROR(kTVMCrtCategoryArgument, 0x0b)
#define kTVMCrtErrReentrant TVMCRT_ERROR(kTVMCrtCategoryArgument, 0x0c)
/* Workspace */
#define kTVMCrtErrWorkspaceMissing TVMCRT_ERROR(kTVMCrtCategoryWorkspace, 0x01)
#define kTVMCrtErrWorkspaceTooSmall TVMCRT_ERROR(kTVMCrtCategoryWorkspace, 0x02)
#define kTVMCrtErrWorkspaceMisaligned TVMCRT_ERROR(kTVMCrtCategoryWorkspace, 0x03)
#define kTVMCrtErrTooManyWorkspaces TVMCRT_ERROR(kTVMCrtCategoryWorkspace, 0x04)
#define kTVMCrtErrWorkspaceExhausted TVMCRT_ERROR(kTVMCrtCategoryWorkspace, 0x05)
#define kTVMCrtErrWorkspaceBadFree TVMCRT_ERROR(kTVMCrtCategoryWorkspace, 0x06)
#define kTVMCrtErrWorkspaceNullData TVMCRT_ERROR(kTVMCrtCategoryWorkspace, 0x07)
#define kTVMCrtErrWorkspaceDuplicate TVMCRT_ERROR(kTVMCrtCategoryWorkspace, 0x08)
#define kTVMCrtErrWorkspaceLeak TVMCRT_ERROR(kTVMCrtCategoryWorkspace, 0x09)
/* Model */
#define kTVMCrtErrModelFailed TVMCRT_ERROR(kTVMCrtCategoryModel, 0x01)
#define kTVMCrtErrModelAborted TVMCRT_ERROR(kTVMCrtCategoryModel, 0x02)

#endif /* TVMCRT_ERRORS_H_ */
