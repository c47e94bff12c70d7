/* SPDX-License-Identifier: Apache-2.0 */
/*
 * arm_acle.h — native builds only: stands in for the compiler's <arm_acle.h>, which x86 compilers do
 * not have, with the portable definitions of the Arm DSP intrinsics (tvmcrt_arm_portable.h).
 * tvmcrt_add_model() puts this folder before the model's own include folders on native builds.
 */
#ifndef TVMCRT_ARM_ACLE_STANDIN_H_
#define TVMCRT_ARM_ACLE_STANDIN_H_
#include "tvmcrt_arm_portable.h"
#endif
