/* SPDX-License-Identifier: Apache-2.0 */
/*
 * intrinsics_table.c — every Arm DSP intrinsic tvmcrt defines for native builds
 * (runtime/arm_portable), on a table of edge-case operands, one line per case:
 *
 *   <op> <a> <b> <c> -> <result> q=<Q flag> ge=<GE flags>
 *
 * Built twice from this one list: natively, each case calls the portable definition by its CMSIS
 * or ACLE name; for the Cortex-M4 (semihosting, QEMU), each case runs the real instruction through
 * inline assembly that clears the flags, executes it and reads the APSR in one block. The test
 * (tests/arm/CMakeLists.txt) compares the two outputs line by line: any difference in a result, in
 * the sticky Q flag or in GE is a bug in the portable code.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#if defined(__arm__)
#define ON_ARM 1
#else
#define ON_ARM 0
#include "tvmcrt_arm_portable.h"
#endif

static uint32_t flags; /* Q (bit 27) and GE (19:16) after the last case */
#define FLAG_MASK 0x080F0000u

/* X3(name, native expression, instruction): c is the accumulator. X2 without it, X1 one operand
 * (immediates are part of the instruction), XL 64-bit accumulator (hi = b ^ c, lo = c). */
#define INTRINSICS(X3, X2, X1, XL)                                                            \
  X3(smlad, __SMLAD(a, b, c), "smlad %[r], %[a], %[b], %[c]")                                 \
  X3(smladx, __SMLADX(a, b, c), "smladx %[r], %[a], %[b], %[c]")                              \
  X3(smlsd, __SMLSD(a, b, c), "smlsd %[r], %[a], %[b], %[c]")                                 \
  X3(smlsdx, __SMLSDX(a, b, c), "smlsdx %[r], %[a], %[b], %[c]")                              \
  X3(smlabb, __smlabb(a, b, c), "smlabb %[r], %[a], %[b], %[c]")                              \
  X3(smlabt, __builtin_arm_smlabt(a, b, c), "smlabt %[r], %[a], %[b], %[c]")                  \
  X3(smlatb, __builtin_arm_smlatb(a, b, c), "smlatb %[r], %[a], %[b], %[c]")                  \
  X3(smlatt, __smlatt(a, b, c), "smlatt %[r], %[a], %[b], %[c]")                              \
  X3(smlawb, __smlawb(a, b, c), "smlawb %[r], %[a], %[b], %[c]")                              \
  X3(smlawt, __smlawt(a, b, c), "smlawt %[r], %[a], %[b], %[c]")                              \
  X3(smmla, __SMMLA(a, b, c), "smmla %[r], %[a], %[b], %[c]")                                 \
  X3(usada8, __USADA8(a, b, c), "usada8 %[r], %[a], %[b], %[c]")                              \
  X2(smuad, __SMUAD(a, b), "smuad %[r], %[a], %[b]")                                          \
  X2(smuadx, __SMUADX(a, b), "smuadx %[r], %[a], %[b]")                                       \
  X2(smusd, __SMUSD(a, b), "smusd %[r], %[a], %[b]")                                          \
  X2(smusdx, __SMUSDX(a, b), "smusdx %[r], %[a], %[b]")                                       \
  X2(smulbb, __smulbb(a, b), "smulbb %[r], %[a], %[b]")                                       \
  X2(smultt, __smultt(a, b), "smultt %[r], %[a], %[b]")                                       \
  X2(smulwb, __smulwb(a, b), "smulwb %[r], %[a], %[b]")                                       \
  X2(smulwt, __smulwt(a, b), "smulwt %[r], %[a], %[b]")                                       \
  X2(qadd, __QADD(a, b), "qadd %[r], %[a], %[b]")                                             \
  X2(qsub, __QSUB(a, b), "qsub %[r], %[a], %[b]")                                             \
  X2(qdadd, tvmcrt_arm_qdadd(a, b), "qdadd %[r], %[a], %[b]")                                 \
  X2(qdsub, tvmcrt_arm_qdsub(a, b), "qdsub %[r], %[a], %[b]")                                 \
  X2(qadd8, __QADD8(a, b), "qadd8 %[r], %[a], %[b]")                                          \
  X2(qsub8, __QSUB8(a, b), "qsub8 %[r], %[a], %[b]")                                          \
  X2(qadd16, __QADD16(a, b), "qadd16 %[r], %[a], %[b]")                                       \
  X2(qsub16, __QSUB16(a, b), "qsub16 %[r], %[a], %[b]")                                       \
  X2(uqadd8, __UQADD8(a, b), "uqadd8 %[r], %[a], %[b]")                                       \
  X2(uqsub16, __UQSUB16(a, b), "uqsub16 %[r], %[a], %[b]")                                    \
  X2(sadd8, __SADD8(a, b), "sadd8 %[r], %[a], %[b]")                                          \
  X2(ssub8, __SSUB8(a, b), "ssub8 %[r], %[a], %[b]")                                          \
  X2(sadd16, __SADD16(a, b), "sadd16 %[r], %[a], %[b]")                                       \
  X2(ssub16, __SSUB16(a, b), "ssub16 %[r], %[a], %[b]")                                       \
  X2(uadd8, __UADD8(a, b), "uadd8 %[r], %[a], %[b]")                                          \
  X2(usub8, __USUB8(a, b), "usub8 %[r], %[a], %[b]")                                          \
  X2(uadd16, __UADD16(a, b), "uadd16 %[r], %[a], %[b]")                                       \
  X2(usub16, __USUB16(a, b), "usub16 %[r], %[a], %[b]")                                       \
  X2(shadd16, __SHADD16(a, b), "shadd16 %[r], %[a], %[b]")                                    \
  X2(shsub8, __SHSUB8(a, b), "shsub8 %[r], %[a], %[b]")                                       \
  X2(uhadd8, __UHADD8(a, b), "uhadd8 %[r], %[a], %[b]")                                       \
  X2(usad8, __USAD8(a, b), "usad8 %[r], %[a], %[b]")                                          \
  X2(sxtab16, __SXTAB16(a, b), "sxtab16 %[r], %[a], %[b]")                                    \
  X2(sxtab16_ror8, __SXTAB16_RORn(a, b, 8), "sxtab16 %[r], %[a], %[b], ror #8")               \
  X2(uxtab16, __UXTAB16(a, b), "uxtab16 %[r], %[a], %[b]")                                    \
  X2(pkhbt_0, __PKHBT(a, b, 0), "pkhbt %[r], %[a], %[b]")                                     \
  X2(pkhbt_16, __pkhbt(a, b, 16), "pkhbt %[r], %[a], %[b], lsl #16")                          \
  X2(pkhbt_31, __PKHBT(a, b, 31), "pkhbt %[r], %[a], %[b], lsl #31")                          \
  X2(pkhtb_0, __PKHTB(a, b, 0), "pkhtb %[r], %[a], %[b]")                                     \
  X2(pkhtb_1, __PKHTB(a, b, 1), "pkhtb %[r], %[a], %[b], asr #1")                             \
  X2(pkhtb_16, __pkhtb(a, b, 16), "pkhtb %[r], %[a], %[b], asr #16")                          \
  X2(pkhtb_32, __PKHTB(a, b, 32), "pkhtb %[r], %[a], %[b], asr #32")                          \
  X2(ror, __ROR(a, b), "ror %[r], %[a], %[b]")                                                \
  X2(sel_after_ssub8, (__SSUB8(b, a), __SEL(a, b)), "ssub8 %[r], %[b], %[a]\n\tsel %[r], %[a], %[b]") \
  X1(ssat_1, __SSAT(a, 1), "ssat %[r], #1, %[a]")                                             \
  X1(ssat_8, __SSAT(a, 8), "ssat %[r], #8, %[a]")                                             \
  X1(ssat_16, __ssat(a, 16), "ssat %[r], #16, %[a]")                                          \
  X1(ssat_31, __SSAT(a, 31), "ssat %[r], #31, %[a]")                                          \
  X1(ssat_32, __SSAT(a, 32), "ssat %[r], #32, %[a]")                                          \
  X1(usat_0, __USAT(a, 0), "usat %[r], #0, %[a]")                                             \
  X1(usat_8, __usat(a, 8), "usat %[r], #8, %[a]")                                             \
  X1(usat_31, __USAT(a, 31), "usat %[r], #31, %[a]")                                          \
  X1(ssat16_1, __SSAT16(a, 1), "ssat16 %[r], #1, %[a]")                                       \
  X1(ssat16_8, __SSAT16(a, 8), "ssat16 %[r], #8, %[a]")                                       \
  X1(ssat16_16, __SSAT16(a, 16), "ssat16 %[r], #16, %[a]")                                    \
  X1(usat16_0, __USAT16(a, 0), "usat16 %[r], #0, %[a]")                                       \
  X1(usat16_15, __USAT16(a, 15), "usat16 %[r], #15, %[a]")                                    \
  X1(sxtb16, __SXTB16(a), "sxtb16 %[r], %[a]")                                                \
  X1(sxtb16_ror8, __sxtb16(__ror(a, 8)), "sxtb16 %[r], %[a], ror #8")                         \
  X1(sxtb16_ror16, __SXTB16_RORn(a, 16), "sxtb16 %[r], %[a], ror #16")                        \
  X1(sxtb16_ror24, __SXTB16_RORn(a, 24), "sxtb16 %[r], %[a], ror #24")                        \
  X1(uxtb16, __UXTB16(a), "uxtb16 %[r], %[a]")                                                \
  X1(clz, __CLZ(a), "clz %[r], %[a]")                                                         \
  X1(rev, __REV(a), "rev %[r], %[a]")                                                         \
  X1(rev16, __REV16(a), "rev16 %[r], %[a]")                                                   \
  X1(revsh, __REVSH(a), "revsh %[r], %[a]")                                                   \
  X1(rbit, __RBIT(a), "rbit %[r], %[a]")                                                      \
  XL(smlald, __SMLALD(a, b, acc), "smlald %[lo], %[hi], %[a], %[b]")                          \
  XL(smlaldx, __SMLALDX(a, b, acc), "smlaldx %[lo], %[hi], %[a], %[b]")                       \
  XL(smlsld, __SMLSLD(a, b, acc), "smlsld %[lo], %[hi], %[a], %[b]")                          \
  XL(smlsldx, __smlsldx(a, b, acc), "smlsldx %[lo], %[hi], %[a], %[b]")

#if ON_ARM
/* Flags cleared, the instruction, the APSR read: one asm block, so nothing can run in between. */
#define CLEAR "msr APSR_nzcvqg, %[zero]\n\t"
#define READ "\n\tmrs %[f], APSR"
#define X3(n, e, insn)                                                                         \
  static uint64_t op_##n(uint32_t a, uint32_t b, uint32_t c) {                                 \
    uint32_t r, f;                                                                             \
    __asm volatile(CLEAR insn READ : [r] "=&r"(r), [f] "=&r"(f)                                \
                   : [zero] "r"(0u), [a] "r"(a), [b] "r"(b), [c] "r"(c));                      \
    flags = f;                                                                                 \
    return r;                                                                                  \
  }
#define X2(n, e, insn)                                                                         \
  static uint64_t op_##n(uint32_t a, uint32_t b, uint32_t c) {                                 \
    uint32_t r, f;                                                                             \
    (void)c;                                                                                   \
    __asm volatile(CLEAR insn READ : [r] "=&r"(r), [f] "=&r"(f) : [zero] "r"(0u), [a] "r"(a), [b] "r"(b)); \
    flags = f;                                                                                 \
    return r;                                                                                  \
  }
#define X1(n, e, insn)                                                                         \
  static uint64_t op_##n(uint32_t a, uint32_t b, uint32_t c) {                                 \
    uint32_t r, f;                                                                             \
    (void)b, (void)c;                                                                          \
    __asm volatile(CLEAR insn READ : [r] "=&r"(r), [f] "=&r"(f) : [zero] "r"(0u), [a] "r"(a)); \
    flags = f;                                                                                 \
    return r;                                                                                  \
  }
#define XL(n, e, insn)                                                                         \
  static uint64_t op_##n(uint32_t a, uint32_t b, uint32_t c) {                                 \
    uint32_t lo = c, hi = b ^ c, f;                                                            \
    __asm volatile(CLEAR insn READ : [lo] "+&r"(lo), [hi] "+&r"(hi), [f] "=&r"(f)              \
                   : [zero] "r"(0u), [a] "r"(a), [b] "r"(b));                                  \
    flags = f;                                                                                 \
    return ((uint64_t)hi << 32) | lo;                                                          \
  }
#else
#define X3(n, e, insn)                                                                         \
  static uint64_t op_##n(uint32_t a, uint32_t b, uint32_t c) {                                 \
    tvmcrt_arm_apsr = 0;                                                                       \
    uint32_t r = (uint32_t)(e);                                                                \
    flags = tvmcrt_arm_apsr;                                                                   \
    return r;                                                                                  \
  }
#define X2(n, e, insn) X3(n, e, insn)
#define X1(n, e, insn) X3(n, e, insn)
#define XL(n, e, insn)                                                                         \
  static uint64_t op_##n(uint32_t a, uint32_t b, uint32_t c) {                                 \
    uint64_t acc = ((uint64_t)(b ^ c) << 32) | c;                                              \
    tvmcrt_arm_apsr = 0;                                                                       \
    uint64_t r = (uint64_t)(e);                                                                \
    flags = tvmcrt_arm_apsr;                                                                   \
    return r;                                                                                  \
  }
#endif

#if !ON_ARM
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wunused-value"
#endif
INTRINSICS(X3, X2, X1, XL)

typedef struct {
  const char *name;
  int arity;
  uint64_t (*fn)(uint32_t, uint32_t, uint32_t);
} op_t;

#define ENTRY3(n, e, insn) {#n, 3, op_##n},
#define ENTRY2(n, e, insn) {#n, 2, op_##n},
#define ENTRY1(n, e, insn) {#n, 1, op_##n},
static const op_t ops[] = {INTRINSICS(ENTRY3, ENTRY2, ENTRY1, ENTRY3)};

/* Lane and word boundaries: zero, one, the largest and smallest signed halfword and byte in each
 * lane, the word extremes, and mixed patterns. */
static const uint32_t operands[] = {
    0x00000000u, 0x00000001u, 0x00007FFFu, 0x00008000u, 0x0000FFFFu, 0x7FFF0000u, 0x80000000u,
    0x7FFFFFFFu, 0xFFFFFFFFu, 0x80008000u, 0x7FFF7FFFu, 0x80007FFFu, 0x7FFF8000u, 0x00010001u,
    0x12345678u, 0xFEDCBA98u, 0x7F807F80u, 0x80808080u, 0x7F7F7F7Fu, 0x0000007Fu, 0xFFFFFF80u,
    0x40000000u, 0xC0000000u, 0x00FF00FFu};
static const uint32_t accumulators[] = {0x00000000u, 0x7FFFFFFFu, 0x80000000u, 0xFFFFFFFFu, 0x00010000u};

#define COUNT(x) (sizeof(x) / sizeof((x)[0]))

#if ON_ARM
extern void initialise_monitor_handles(void); /* newlib's rdimon: stdio through semihosting */
static char out_buffer[4096];
#endif

int main(void) {
  unsigned long cases = 0;
#if ON_ARM
  initialise_monitor_handles();
  setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer); /* one semihosting call per 4 KiB */
#endif
  for (size_t o = 0; o < COUNT(ops); o++) {
    size_t nb = ops[o].arity >= 2 ? COUNT(operands) : 1, nc = ops[o].arity == 3 ? COUNT(accumulators) : 1;
    for (size_t i = 0; i < COUNT(operands); i++) {
      for (size_t j = 0; j < nb; j++) {
        for (size_t k = 0; k < nc; k++) {
          uint32_t a = operands[i], b = nb > 1 ? operands[j] : 0u, c = nc > 1 ? accumulators[k] : 0u;
          uint64_t r = ops[o].fn(a, b, c);
          printf("%s %08lx %08lx %08lx -> %08lx%08lx q=%lu ge=%lx\n", ops[o].name, (unsigned long)a,
                 (unsigned long)b, (unsigned long)c, (unsigned long)(r >> 32), (unsigned long)(r & 0xFFFFFFFFu),
                 (unsigned long)((flags >> 27) & 1u), (unsigned long)((flags >> 16) & 0xFu));
          cases++;
        }
      }
    }
  }
  printf("intrinsics: %lu cases\n", cases);
  fflush(stdout);
  exit(0); /* semihosting: QEMU exits with this code (a return from main would reset the board) */
}
