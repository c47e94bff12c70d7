/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_arm_portable.h — the Armv7E-M DSP and saturation instructions in portable C99, so that code
 * TVM generated for Cortex-M (arm_cpu schedules, CMSIS-NN callers) builds and runs on the PC with
 * the same results as on the board: golden outputs from the native device.
 *
 * Each function follows the instruction's pseudo-code in the Armv7-M Architecture Reference Manual
 * (ARM DDI 0403, section A7.7): operands are taken as the bit patterns the registers hold, signed
 * lanes are sign-extended, results wrap to 32 bits, and where the instruction sets the sticky Q flag
 * (SSAT, USAT, QADD, QSUB, QDADD, QDSUB, SMLAD, SMLAxy, SMLAWy, SMUAD, SMLSD) or the GE flags
 * (SADD16, SSUB16, SADD8, SSUB8, UADD16, USUB16, UADD8, USUB8) so does this code, in
 * tvmcrt_arm_apsr (bit 27 Q, bits 19:16 GE, laid out as in the APSR). tests/arm compares every one
 * with the real instruction under QEMU on a table of edge cases.
 *
 * Native builds get this header forced into every model source (tvmcrt_add_model(), not on the
 * board), and the folder also holds stand-ins for <arm_acle.h> and CMSIS's "cmsis_compiler.h" that
 * come before the model's own include folders, so the names below resolve whichever way the code
 * reaches them: ACLE (__smlad), CMSIS Core (__SMLAD), GCC builtins (__builtin_arm_smlabb), and the
 * helpers TVM's micro-kernels define or take from CMSIS-NN (read_and_pad, __ror, __pkhbt).
 *
 * The flags are one process-wide word (runtime/src/arm_portable.c): not thread-safe, like the
 * single APSR of one core. Only native builds may include this file: on the board the compiler's
 * own arm_acle.h and CMSIS give the real instructions.
 */
#ifndef TVMCRT_ARM_PORTABLE_H_
#define TVMCRT_ARM_PORTABLE_H_

#include <stdint.h>
#include <string.h>

#if defined(__arm__) || defined(__thumb__)
#error "tvmcrt_arm_portable.h is for native builds only: on Arm, use the compiler's arm_acle.h or CMSIS"
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* APSR as the instructions below leave it: Q (bit 27) is sticky, GE (19:16) set by the parallel
 * add/subtract family. Clear it by assignment (ACLE: __set_saturation_occurred(0)). */
extern uint32_t tvmcrt_arm_apsr;
#define TVMCRT_ARM_APSR_Q (1u << 27)
#define TVMCRT_ARM_APSR_GE_SHIFT 16

#define TVMCRT_ARM_INLINE static inline __attribute__((always_inline, unused))

/*--------------------------------------------------------------------------------------------------
 * Bit-pattern helpers (no implementation-defined signed conversions or shifts)
 *------------------------------------------------------------------------------------------------*/

TVMCRT_ARM_INLINE int32_t tvmcrt_arm_s32(uint32_t x) {  /* the register read as a signed word */
  return x <= 0x7FFFFFFFu ? (int32_t)x : -(int32_t)(~x) - 1;
}
TVMCRT_ARM_INLINE int32_t tvmcrt_arm_sx16(uint32_t x) {  /* SignExtend(x<15:0>) */
  return (int32_t)((x & 0xFFFFu) ^ 0x8000u) - 0x8000;
}
TVMCRT_ARM_INLINE int32_t tvmcrt_arm_sx8(uint32_t x) {  /* SignExtend(x<7:0>) */
  return (int32_t)((x & 0xFFu) ^ 0x80u) - 0x80;
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_u32(int64_t x) {  /* result<31:0> */
  return (uint32_t)((uint64_t)x & 0xFFFFFFFFu);
}
TVMCRT_ARM_INLINE int64_t tvmcrt_arm_asr64(int64_t x, unsigned n) {  /* arithmetic shift right */
  return x >= 0 ? (int64_t)((uint64_t)x >> n) : -(int64_t)((~(uint64_t)x) >> n) - 1;
}
TVMCRT_ARM_INLINE void tvmcrt_arm_set_q(void) {
  tvmcrt_arm_apsr |= TVMCRT_ARM_APSR_Q;
}
/* Sets Q when the exact result does not fit the 32-bit destination, as the MAC instructions do. */
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_wrap_q(int64_t exact) {
  if (exact < INT32_MIN || exact > INT32_MAX) tvmcrt_arm_set_q();
  return tvmcrt_arm_u32(exact);
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_ror(uint32_t x, uint32_t n) {
  n %= 32u;
  return n == 0u ? x : (x >> n) | (x << (32u - n));
}
/* Two 16-bit lanes, or four 8-bit lanes, back into a word (each value taken modulo the lane). */
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_pack16(int64_t lo, int64_t hi) {
  return (tvmcrt_arm_u32(lo) & 0xFFFFu) | (tvmcrt_arm_u32(hi) << 16);
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_lane16(uint32_t x, unsigned i) {
  return (x >> (16u * i)) & 0xFFFFu;
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_lane8(uint32_t x, unsigned i) {
  return (x >> (8u * i)) & 0xFFu;
}

/*--------------------------------------------------------------------------------------------------
 * Saturation: SignedSatQ / UnsignedSatQ (A2.2.1), SSAT, USAT, SSAT16, USAT16, QADD, QSUB, QDADD, QDSUB
 *------------------------------------------------------------------------------------------------*/

/* SignedSatQ(x, n), 1 <= n <= 32: x clamped to [-2^(n-1), 2^(n-1)-1]; *sat says whether it was. */
TVMCRT_ARM_INLINE int64_t tvmcrt_arm_signed_sat(int64_t x, unsigned n, int *sat) {
  int64_t hi = (int64_t)((UINT64_C(1) << (n - 1u)) - 1u), lo = -hi - 1;
  *sat = x > hi || x < lo;
  return x > hi ? hi : x < lo ? lo : x;
}
/* UnsignedSatQ(x, n), 0 <= n <= 31: x clamped to [0, 2^n - 1]. */
TVMCRT_ARM_INLINE int64_t tvmcrt_arm_unsigned_sat(int64_t x, unsigned n, int *sat) {
  int64_t hi = (int64_t)((UINT64_C(1) << n) - 1u);
  *sat = x > hi || x < 0;
  return x > hi ? hi : x < 0 ? 0 : x;
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_ssat(uint32_t x, unsigned n) {
  int sat;
  int64_t r = tvmcrt_arm_signed_sat(tvmcrt_arm_s32(x), n, &sat);
  if (sat) tvmcrt_arm_set_q();
  return tvmcrt_arm_u32(r);
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_usat(uint32_t x, unsigned n) {
  int sat;
  int64_t r = tvmcrt_arm_unsigned_sat(tvmcrt_arm_s32(x), n, &sat);
  if (sat) tvmcrt_arm_set_q();
  return tvmcrt_arm_u32(r);
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_ssat16(uint32_t x, unsigned n) {
  int sat_lo, sat_hi;
  int64_t lo = tvmcrt_arm_signed_sat(tvmcrt_arm_sx16(x), n, &sat_lo);
  int64_t hi = tvmcrt_arm_signed_sat(tvmcrt_arm_sx16(x >> 16), n, &sat_hi);
  if (sat_lo || sat_hi) tvmcrt_arm_set_q();
  return tvmcrt_arm_pack16(lo, hi);
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_usat16(uint32_t x, unsigned n) {
  int sat_lo, sat_hi;
  int64_t lo = tvmcrt_arm_unsigned_sat(tvmcrt_arm_sx16(x), n, &sat_lo);
  int64_t hi = tvmcrt_arm_unsigned_sat(tvmcrt_arm_sx16(x >> 16), n, &sat_hi);
  if (sat_lo || sat_hi) tvmcrt_arm_set_q();
  return tvmcrt_arm_pack16(lo, hi);
}
/* SignedSatQ(x, 32), setting Q when it saturates. */
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_sat32_q(int64_t x) {
  int sat;
  int64_t r = tvmcrt_arm_signed_sat(x, 32, &sat);
  if (sat) tvmcrt_arm_set_q();
  return tvmcrt_arm_u32(r);
}
/* QADD Rd, Rm, Rn is Rm + Rn, QSUB Rm - Rn: CMSIS __QADD(a, b) = a + b, __QSUB(a, b) = a - b. */
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_qadd(uint32_t a, uint32_t b) {
  return tvmcrt_arm_sat32_q((int64_t)tvmcrt_arm_s32(a) + tvmcrt_arm_s32(b));
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_qsub(uint32_t a, uint32_t b) {
  return tvmcrt_arm_sat32_q((int64_t)tvmcrt_arm_s32(a) - tvmcrt_arm_s32(b));
}
/* QDADD Rd, Rm, Rn: Rm + sat(2 * Rn); Q if either step saturates. */
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_qdadd(uint32_t a, uint32_t b) {
  uint32_t doubled = tvmcrt_arm_sat32_q(2 * (int64_t)tvmcrt_arm_s32(b));
  return tvmcrt_arm_sat32_q((int64_t)tvmcrt_arm_s32(a) + tvmcrt_arm_s32(doubled));
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_qdsub(uint32_t a, uint32_t b) {
  uint32_t doubled = tvmcrt_arm_sat32_q(2 * (int64_t)tvmcrt_arm_s32(b));
  return tvmcrt_arm_sat32_q((int64_t)tvmcrt_arm_s32(a) - tvmcrt_arm_s32(doubled));
}

/*--------------------------------------------------------------------------------------------------
 * Lane-wise add/subtract: QADD16/QSUB16/QADD8/QSUB8 and UQ* saturate without touching Q;
 * SADD16/SSUB16/SADD8/SSUB8 and U* wrap and set GE; SHADD/SHSUB/UHADD/UHSUB halve.
 *------------------------------------------------------------------------------------------------*/

enum { TVMCRT_ARM_OP_ADD, TVMCRT_ARM_OP_SUB };
/* One lane operation over all lanes of width `bits` (8 or 16). mode: 0 wrap + GE, 1 saturate,
 * 2 halve. GE for a 16-bit lane is two bits, for an 8-bit lane one (A7.7.x: "GE[1:0] = ..."). */
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_lanes(uint32_t a, uint32_t b, unsigned bits, int is_signed, int op,
                                            int mode) {
  unsigned n = 32u / bits;
  uint32_t result = 0, ge = 0, mask = bits == 16u ? 0xFFFFu : 0xFFu;
  for (unsigned i = 0; i < n; i++) {
    uint32_t ua = (a >> (bits * i)) & mask, ub = (b >> (bits * i)) & mask;
    int64_t x = is_signed ? (bits == 16u ? tvmcrt_arm_sx16(ua) : tvmcrt_arm_sx8(ua)) : (int64_t)ua;
    int64_t y = is_signed ? (bits == 16u ? tvmcrt_arm_sx16(ub) : tvmcrt_arm_sx8(ub)) : (int64_t)ub;
    int64_t r = op == TVMCRT_ARM_OP_ADD ? x + y : x - y;
    if (mode == 0) {
      int set = is_signed ? r >= 0 : (op == TVMCRT_ARM_OP_ADD ? r >= (int64_t)mask + 1 : r >= 0);
      if (set) ge |= (bits == 16u ? 3u : 1u) << (i * (bits / 8u));
    } else if (mode == 1) {
      int sat;
      r = is_signed ? tvmcrt_arm_signed_sat(r, bits, &sat) : tvmcrt_arm_unsigned_sat(r, bits, &sat);
    } else {
      r = tvmcrt_arm_asr64(r, 1);
    }
    result |= (tvmcrt_arm_u32(r) & mask) << (bits * i);
  }
  if (mode == 0) tvmcrt_arm_apsr = (tvmcrt_arm_apsr & ~(0xFu << TVMCRT_ARM_APSR_GE_SHIFT)) | (ge << TVMCRT_ARM_APSR_GE_SHIFT);
  return result;
}
/* SEL: each byte from a where its GE bit is set, else from b. */
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_sel(uint32_t a, uint32_t b) {
  uint32_t ge = (tvmcrt_arm_apsr >> TVMCRT_ARM_APSR_GE_SHIFT) & 0xFu, r = 0;
  for (unsigned i = 0; i < 4u; i++) r |= (((ge >> i) & 1u) ? a : b) & (0xFFu << (8u * i));
  return r;
}
/* USAD8 / USADA8: sum of the absolute differences of the four unsigned bytes (+ acc). */
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_usada8(uint32_t a, uint32_t b, uint32_t acc) {
  uint32_t sum = acc;
  for (unsigned i = 0; i < 4u; i++) {
    uint32_t x = tvmcrt_arm_lane8(a, i), y = tvmcrt_arm_lane8(b, i);
    sum += x > y ? x - y : y - x;
  }
  return sum;
}

/*--------------------------------------------------------------------------------------------------
 * Multiply-accumulate: SMLAD{X}, SMUAD{X}, SMLSD{X}, SMUSD{X}, SMLALD{X}, SMLSLD{X}, SMLAxy, SMULxy,
 * SMLAWy, SMULWy, SMMLA{R}, SMMLS{R}, SMMUL{R}
 *------------------------------------------------------------------------------------------------*/

/* The two 16x16 products of the dual instructions; x swaps b's halves (the X variants). */
TVMCRT_ARM_INLINE void tvmcrt_arm_dual(uint32_t a, uint32_t b, int x, int64_t *p1, int64_t *p2) {
  if (x) b = tvmcrt_arm_ror(b, 16);
  *p1 = (int64_t)tvmcrt_arm_sx16(a) * tvmcrt_arm_sx16(b);
  *p2 = (int64_t)tvmcrt_arm_sx16(a >> 16) * tvmcrt_arm_sx16(b >> 16);
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_smlad_x(uint32_t a, uint32_t b, uint32_t acc, int x, int sub) {
  int64_t p1, p2;
  tvmcrt_arm_dual(a, b, x, &p1, &p2);
  return tvmcrt_arm_wrap_q((sub ? p1 - p2 : p1 + p2) + tvmcrt_arm_s32(acc));
}
TVMCRT_ARM_INLINE uint64_t tvmcrt_arm_smlald_x(uint32_t a, uint32_t b, uint64_t acc, int x, int sub) {
  int64_t p1, p2;
  tvmcrt_arm_dual(a, b, x, &p1, &p2);
  return acc + (uint64_t)(sub ? p1 - p2 : p1 + p2); /* 64-bit wrap, no flag */
}
/* SMLA<x><y>: top (1) or bottom (0) halves; result + acc, Q on overflow. */
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_smla_xy(uint32_t a, uint32_t b, uint32_t acc, int a_top, int b_top) {
  int64_t p = (int64_t)tvmcrt_arm_sx16(a_top ? a >> 16 : a) * tvmcrt_arm_sx16(b_top ? b >> 16 : b);
  return tvmcrt_arm_wrap_q(p + tvmcrt_arm_s32(acc));
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_smul_xy(uint32_t a, uint32_t b, int a_top, int b_top) {
  return tvmcrt_arm_u32((int64_t)tvmcrt_arm_sx16(a_top ? a >> 16 : a) * tvmcrt_arm_sx16(b_top ? b >> 16 : b));
}
/* SMLAW<y>: (a * half(b) + (acc << 16)) bits 47:16; Q when those bits do not hold the sum. */
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_smlaw_y(uint32_t a, uint32_t b, uint32_t acc, int b_top) {
  int64_t r = (int64_t)tvmcrt_arm_s32(a) * tvmcrt_arm_sx16(b_top ? b >> 16 : b) +
              (int64_t)((uint64_t)(int64_t)tvmcrt_arm_s32(acc) << 16);
  return tvmcrt_arm_wrap_q(tvmcrt_arm_asr64(r, 16));
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_smulw_y(uint32_t a, uint32_t b, int b_top) {
  int64_t r = (int64_t)tvmcrt_arm_s32(a) * tvmcrt_arm_sx16(b_top ? b >> 16 : b);
  return tvmcrt_arm_u32(tvmcrt_arm_asr64(r, 16));
}
/* SMMLA/SMMLS{R}: (acc << 32 +/- a * b [+ 0x80000000 when rounding]) bits 63:32, modulo 2^64. */
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_smmla_x(uint32_t a, uint32_t b, uint32_t acc, int sub, int round) {
  uint64_t p = (uint64_t)((int64_t)tvmcrt_arm_s32(a) * tvmcrt_arm_s32(b));
  uint64_t r = ((uint64_t)acc << 32) + (sub ? (uint64_t)0 - p : p) + (round ? 0x80000000u : 0u);
  return (uint32_t)(r >> 32);
}

/*--------------------------------------------------------------------------------------------------
 * Extend, pack, bit operations: SXTB16, SXTAB16, UXTB16, UXTAB16, PKHBT, PKHTB, ROR, CLZ, REV,
 * REV16, REVSH, RBIT
 *------------------------------------------------------------------------------------------------*/

/* SXTB16: bytes 0 and 2 sign-extended into the two halfwords; SXTAB16 adds them to acc's halves. */
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_xtab16(uint32_t acc, uint32_t x, int is_signed) {
  int32_t b0 = is_signed ? tvmcrt_arm_sx8(x) : (int32_t)(x & 0xFFu);
  int32_t b2 = is_signed ? tvmcrt_arm_sx8(x >> 16) : (int32_t)((x >> 16) & 0xFFu);
  return tvmcrt_arm_pack16((int64_t)tvmcrt_arm_lane16(acc, 0) + b0, (int64_t)tvmcrt_arm_lane16(acc, 1) + b2);
}
/* PKHBT: bottom half of a, top half of (b << shift), shift 0..31. */
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_pkhbt(uint32_t a, uint32_t b, unsigned shift) {
  return (a & 0xFFFFu) | ((b << (shift % 32u)) & 0xFFFF0000u);
}
/* PKHTB: top half of a, bottom half of (b ASR shift), shift 0..32 (0 = no shift, 32 = all sign). */
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_pkhtb(uint32_t a, uint32_t b, unsigned shift) {
  int64_t shifted = tvmcrt_arm_asr64(tvmcrt_arm_s32(b), shift > 31u ? 31u : shift);
  return (a & 0xFFFF0000u) | (tvmcrt_arm_u32(shifted) & 0xFFFFu);
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_clz(uint32_t x) {
  uint32_t n = 0;
  while (n < 32u && (x & (0x80000000u >> n)) == 0) n++;
  return n;
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_rev(uint32_t x) {
  return (x >> 24) | ((x >> 8) & 0xFF00u) | ((x << 8) & 0xFF0000u) | (x << 24);
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_rev16(uint32_t x) {
  return ((x >> 8) & 0x00FF00FFu) | ((x << 8) & 0xFF00FF00u);
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_revsh(uint32_t x) {  /* bytes of the low half swapped, sign-extended */
  return tvmcrt_arm_u32(tvmcrt_arm_sx16(((x >> 8) & 0xFFu) | ((x & 0xFFu) << 8)));
}
TVMCRT_ARM_INLINE uint32_t tvmcrt_arm_rbit(uint32_t x) {
  uint32_t r = 0;
  for (unsigned i = 0; i < 32u; i++) r |= ((x >> i) & 1u) << (31u - i);
  return r;
}

#include "tvmcrt_arm_names.h"

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_ARM_PORTABLE_H_ */
