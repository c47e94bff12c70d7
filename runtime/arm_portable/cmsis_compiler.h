/*
 * cmsis_compiler.h — native builds only: stands in for CMSIS Core's cmsis_compiler.h (CMSIS 5 and 6),
 * whose GCC branch (cmsis_gcc.h) is Arm assembly. CMSIS-DSP's arm_math.h and CMSIS-NN up to 4.0
 * include it; with this one first on the include path (tvmcrt_add_model() puts it there on native
 * builds) they compile on the PC, and their __SMLAD & co. are the portable definitions of
 * tvmcrt_arm_portable.h. Only the compiler macros model code and those headers use are here: no
 * core registers, interrupts or NVIC (core_cm4.h is not model code).
 */
#ifndef TVMCRT_CMSIS_COMPILER_STANDIN_H_
#define TVMCRT_CMSIS_COMPILER_STANDIN_H_

#include <stdint.h>

#include "tvmcrt_arm_portable.h"

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
