/* SPDX-License-Identifier: Apache-2.0 */
/*
 * arm_portable.c — the flags word of the portable Arm intrinsics (runtime/arm_portable), native
 * builds only: one APSR for the process, as one core has one.
 */
#if !defined(__arm__) && !defined(__thumb__)
#include <stdint.h>

uint32_t tvmcrt_arm_apsr;
#else
typedef int tvmcrt_arm_portable_unused_t; /* ISO C wants a translation unit to declare something */
#endif
