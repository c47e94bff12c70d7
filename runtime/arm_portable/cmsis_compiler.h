/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cmsis_compiler.h — native builds only: stands in for CMSIS Core's cmsis_compiler.h (CMSIS 5 and 6),
 * whose GCC branch (cmsis_gcc.h) is Arm assembly. CMSIS-DSP's arm_math.h and CMSIS-NN up to 4.0
 * include it; with this one first on the include path (tvmcrt_add_model() puts it there on native
 * builds) they compile on the PC, and their __SMLAD & co. are the portable definitions of
 * tvmcrt_arm_portable.h. Only the compiler macros model code and those headers use are here: no
 * core registers, interrupts or NVIC (core_cm4.h is not model code).
 *
 * It also defines ARM_MATH_DSP, as CMSIS does for a Cortex-M4: CMSIS-DSP and CMSIS-NN then take the
 * same code paths natively as on the board (their DSP paths, through the portable intrinsics), so
 * golden outputs match the board's bit for bit, and CMSIS-DSP's own plain-C stand-ins for non-DSP
 * targets (dsp/none.h), which would clash with these names, stay out. CMSIS-NN 4.1 and later call
 * the intrinsics without underscores (SMLAD, SXTB16, ...), defined only for Arm targets in its
 * Internal/arm_nn_compiler.h: they are given here too.
 */
#ifndef TVMCRT_CMSIS_COMPILER_STANDIN_H_
#define TVMCRT_CMSIS_COMPILER_STANDIN_H_

#include <stdint.h>

#include "tvmcrt_arm_portable.h"

#ifndef ARM_MATH_DSP
#define ARM_MATH_DSP 1
#endif

/* CMSIS-NN 4.1+ names (Internal/arm_nn_compiler.h, Arm targets only). */
#ifndef SMLAD
#define SMLAD(a, b, c) __SMLAD(a, b, c)
#define SMLABB(a, b, c) TVMCRT_ARM_U(__smlabb(a, b, c))
#define SMLATT(a, b, c) TVMCRT_ARM_U(__smlatt(a, b, c))
#define SMULBB(a, b) TVMCRT_ARM_U(__smulbb(a, b))
#define SMULTT(a, b) TVMCRT_ARM_U(__smultt(a, b))
#define QADD(a, b) __QADD(a, b)
#define QSUB8(a, b) __QSUB8(a, b)
#define QSUB16(a, b) __QSUB16(a, b)
#define SADD16(a, b) __SADD16(a, b)
#define ROR(x, n) __ROR(x, n)
#define SXTB16(x) __SXTB16(x)
#define SXTAB16(a, x) __SXTAB16(a, x)
#define SXTB16_RORn(x, r) __SXTB16_RORn(x, r)
#define SXTAB16_RORn(a, x, r) __SXTAB16_RORn(a, x, r)
#define PKHBT(a, b, s) __PKHBT(a, b, s)
#define PKHTB(a, b, s) __PKHTB(a, b, s)
#endif

#ifndef __ASM
#define __ASM __asm
#endif
#ifndef __INLINE
#define __INLINE inline
#endif
#ifndef __STATIC_INLINE
#define __STATIC_INLINE static inline
#endif
#ifndef __STATIC_FORCEINLINE
#define __STATIC_FORCEINLINE __attribute__((always_inline)) static inline
#endif
#ifndef __NO_RETURN
#define __NO_RETURN __attribute__((__noreturn__))
#endif
#ifndef __USED
#define __USED __attribute__((used))
#endif
#ifndef __WEAK
#define __WEAK __attribute__((weak))
#endif
#ifndef __PACKED
#define __PACKED __attribute__((packed, aligned(1)))
#endif
#ifndef __PACKED_STRUCT
#define __PACKED_STRUCT struct __attribute__((packed, aligned(1)))
#endif
#ifndef __PACKED_UNION
#define __PACKED_UNION union __attribute__((packed, aligned(1)))
#endif
#ifndef __ALIGNED
#define __ALIGNED(x) __attribute__((aligned(x)))
#endif
#ifndef __RESTRICT
#define __RESTRICT __restrict
#endif
#ifndef __COMPILER_BARRIER
#define __COMPILER_BARRIER() __asm volatile("" ::: "memory")
#endif
/* Unaligned access through memcpy: defined behaviour on every host. */
static inline __attribute__((always_inline, unused)) uint16_t tvmcrt_cmsis_read16(const void *p) {
  uint16_t v;
  memcpy(&v, p, sizeof v);
  return v;
}
static inline __attribute__((always_inline, unused)) uint32_t tvmcrt_cmsis_read32(const void *p) {
  uint32_t v;
  memcpy(&v, p, sizeof v);
  return v;
}
#ifndef __UNALIGNED_UINT16_READ
#define __UNALIGNED_UINT16_READ(addr) tvmcrt_cmsis_read16(addr)
#endif
#ifndef __UNALIGNED_UINT32_READ
#define __UNALIGNED_UINT32_READ(addr) tvmcrt_cmsis_read32(addr)
#endif
#ifndef __UNALIGNED_UINT16_WRITE
#define __UNALIGNED_UINT16_WRITE(addr, val) \
  do { uint16_t tvmcrt_v_ = (uint16_t)(val); memcpy((addr), &tvmcrt_v_, 2); } while (0)
#endif
#ifndef __UNALIGNED_UINT32_WRITE
#define __UNALIGNED_UINT32_WRITE(addr, val) \
  do { uint32_t tvmcrt_v_ = (uint32_t)(val); memcpy((addr), &tvmcrt_v_, 4); } while (0)
#endif

#endif /* TVMCRT_CMSIS_COMPILER_STANDIN_H_ */
