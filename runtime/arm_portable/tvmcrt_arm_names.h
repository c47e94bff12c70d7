/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_arm_names.h — the names Cortex-M code calls the DSP instructions by, mapped onto the
 * portable definitions of tvmcrt_arm_portable.h (include that file, not this one): CMSIS Core
 * (__SMLAD, cmsis_gcc.h's set), ACLE (__smlad, arm_acle.h), GCC's Arm builtins
 * (__builtin_arm_smlabb) and the ones TVM's arm_cpu micro-kernels define for themselves (__ror,
 * __pkhbt, __pkhtb: ARM_CPU_INTRINSICS_EXIST tells them not to). Macros, so the argument types
 * convert as the real prototypes would make them. read_and_pad is not here: newer TVM output defines
 * it from these, older output takes CMSIS-NN's, which cmsis_compiler.h's ARM_MATH_DSP enables.
 */
#ifndef TVMCRT_ARM_NAMES_H_
#define TVMCRT_ARM_NAMES_H_

#define TVMCRT_ARM_U(x) ((uint32_t)(x))
#define TVMCRT_ARM_S(x) tvmcrt_arm_s32(x)

/* CMSIS Core (cmsis_gcc.h): unsigned words in and out, except where CMSIS says int32_t. */
#define __SMLAD(a, b, c) tvmcrt_arm_smlad_x(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), TVMCRT_ARM_U(c), 0, 0)
#define __SMLADX(a, b, c) tvmcrt_arm_smlad_x(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), TVMCRT_ARM_U(c), 1, 0)
#define __SMLSD(a, b, c) tvmcrt_arm_smlad_x(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), TVMCRT_ARM_U(c), 0, 1)
#define __SMLSDX(a, b, c) tvmcrt_arm_smlad_x(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), TVMCRT_ARM_U(c), 1, 1)
#define __SMUAD(a, b) tvmcrt_arm_smlad_x(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), 0u, 0, 0)
#define __SMUADX(a, b) tvmcrt_arm_smlad_x(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), 0u, 1, 0)
#define __SMUSD(a, b) tvmcrt_arm_smlad_x(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), 0u, 0, 1)
#define __SMUSDX(a, b) tvmcrt_arm_smlad_x(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), 0u, 1, 1)
#define __SMLALD(a, b, acc) tvmcrt_arm_smlald_x(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), (uint64_t)(acc), 0, 0)
#define __SMLALDX(a, b, acc) tvmcrt_arm_smlald_x(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), (uint64_t)(acc), 1, 0)
#define __SMLSLD(a, b, acc) tvmcrt_arm_smlald_x(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), (uint64_t)(acc), 0, 1)
#define __SMLSLDX(a, b, acc) tvmcrt_arm_smlald_x(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), (uint64_t)(acc), 1, 1)
#define __SMMLA(a, b, c) TVMCRT_ARM_S(tvmcrt_arm_smmla_x(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), TVMCRT_ARM_U(c), 0, 0))
#define __SSAT(x, n) TVMCRT_ARM_S(tvmcrt_arm_ssat(TVMCRT_ARM_U(x), (n)))
#define __USAT(x, n) tvmcrt_arm_usat(TVMCRT_ARM_U(x), (n))
#define __SSAT16(x, n) tvmcrt_arm_ssat16(TVMCRT_ARM_U(x), (n))
#define __USAT16(x, n) tvmcrt_arm_usat16(TVMCRT_ARM_U(x), (n))
#define __QADD(a, b) TVMCRT_ARM_S(tvmcrt_arm_qadd(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b)))
#define __QSUB(a, b) TVMCRT_ARM_S(tvmcrt_arm_qsub(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b)))
#define TVMCRT_ARM_LANES(a, b, bits, sgn, op, mode) \
  tvmcrt_arm_lanes(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), bits, sgn, TVMCRT_ARM_OP_##op, mode)
#define __SADD8(a, b) TVMCRT_ARM_LANES(a, b, 8u, 1, ADD, 0)
#define __SSUB8(a, b) TVMCRT_ARM_LANES(a, b, 8u, 1, SUB, 0)
#define __SADD16(a, b) TVMCRT_ARM_LANES(a, b, 16u, 1, ADD, 0)
#define __SSUB16(a, b) TVMCRT_ARM_LANES(a, b, 16u, 1, SUB, 0)
#define __UADD8(a, b) TVMCRT_ARM_LANES(a, b, 8u, 0, ADD, 0)
#define __USUB8(a, b) TVMCRT_ARM_LANES(a, b, 8u, 0, SUB, 0)
#define __UADD16(a, b) TVMCRT_ARM_LANES(a, b, 16u, 0, ADD, 0)
#define __USUB16(a, b) TVMCRT_ARM_LANES(a, b, 16u, 0, SUB, 0)
#define __QADD8(a, b) TVMCRT_ARM_LANES(a, b, 8u, 1, ADD, 1)
#define __QSUB8(a, b) TVMCRT_ARM_LANES(a, b, 8u, 1, SUB, 1)
#define __QADD16(a, b) TVMCRT_ARM_LANES(a, b, 16u, 1, ADD, 1)
#define __QSUB16(a, b) TVMCRT_ARM_LANES(a, b, 16u, 1, SUB, 1)
#define __UQADD8(a, b) TVMCRT_ARM_LANES(a, b, 8u, 0, ADD, 1)
#define __UQSUB8(a, b) TVMCRT_ARM_LANES(a, b, 8u, 0, SUB, 1)
#define __UQADD16(a, b) TVMCRT_ARM_LANES(a, b, 16u, 0, ADD, 1)
#define __UQSUB16(a, b) TVMCRT_ARM_LANES(a, b, 16u, 0, SUB, 1)
#define __SHADD8(a, b) TVMCRT_ARM_LANES(a, b, 8u, 1, ADD, 2)
#define __SHSUB8(a, b) TVMCRT_ARM_LANES(a, b, 8u, 1, SUB, 2)
#define __SHADD16(a, b) TVMCRT_ARM_LANES(a, b, 16u, 1, ADD, 2)
#define __SHSUB16(a, b) TVMCRT_ARM_LANES(a, b, 16u, 1, SUB, 2)
#define __UHADD8(a, b) TVMCRT_ARM_LANES(a, b, 8u, 0, ADD, 2)
#define __UHSUB8(a, b) TVMCRT_ARM_LANES(a, b, 8u, 0, SUB, 2)
#define __UHADD16(a, b) TVMCRT_ARM_LANES(a, b, 16u, 0, ADD, 2)
#define __UHSUB16(a, b) TVMCRT_ARM_LANES(a, b, 16u, 0, SUB, 2)
#define __SEL(a, b) tvmcrt_arm_sel(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b))
#define __USAD8(a, b) tvmcrt_arm_usada8(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), 0u)
#define __USADA8(a, b, c) tvmcrt_arm_usada8(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), TVMCRT_ARM_U(c))
#define __SXTB16(x) tvmcrt_arm_xtab16(0u, TVMCRT_ARM_U(x), 1)
#define __SXTB16_RORn(x, r) tvmcrt_arm_xtab16(0u, tvmcrt_arm_ror(TVMCRT_ARM_U(x), (r)), 1)
#define __SXTAB16(a, x) tvmcrt_arm_xtab16(TVMCRT_ARM_U(a), TVMCRT_ARM_U(x), 1)
#define __SXTAB16_RORn(a, x, r) tvmcrt_arm_xtab16(TVMCRT_ARM_U(a), tvmcrt_arm_ror(TVMCRT_ARM_U(x), (r)), 1)
#define __UXTB16(x) tvmcrt_arm_xtab16(0u, TVMCRT_ARM_U(x), 0)
#define __UXTAB16(a, x) tvmcrt_arm_xtab16(TVMCRT_ARM_U(a), TVMCRT_ARM_U(x), 0)
#define __PKHBT(a, b, s) tvmcrt_arm_pkhbt(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), (s))
#define __PKHTB(a, b, s) tvmcrt_arm_pkhtb(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), (s))
#define __ROR(x, n) tvmcrt_arm_ror(TVMCRT_ARM_U(x), TVMCRT_ARM_U(n))
#define __CLZ(x) ((uint8_t)tvmcrt_arm_clz(TVMCRT_ARM_U(x)))
#define __REV(x) tvmcrt_arm_rev(TVMCRT_ARM_U(x))
#define __REV16(x) tvmcrt_arm_rev16(TVMCRT_ARM_U(x))
#define __REVSH(x) ((int16_t)tvmcrt_arm_sx16(tvmcrt_arm_revsh(TVMCRT_ARM_U(x))))
#define __RBIT(x) tvmcrt_arm_rbit(TVMCRT_ARM_U(x))
#define __get_APSR() (tvmcrt_arm_apsr)
#define __NOP() ((void)0)
#define __DSB() ((void)0)
#define __DMB() ((void)0)
#define __ISB() ((void)0)

/* ACLE (arm_acle.h): int32_t where ACLE says so. */
#define __smlad(a, b, c) TVMCRT_ARM_S(__SMLAD(a, b, c))
#define __smladx(a, b, c) TVMCRT_ARM_S(__SMLADX(a, b, c))
#define __smlsd(a, b, c) TVMCRT_ARM_S(__SMLSD(a, b, c))
#define __smlsdx(a, b, c) TVMCRT_ARM_S(__SMLSDX(a, b, c))
#define __smuad(a, b) TVMCRT_ARM_S(__SMUAD(a, b))
#define __smuadx(a, b) TVMCRT_ARM_S(__SMUADX(a, b))
#define __smusd(a, b) TVMCRT_ARM_S(__SMUSD(a, b))
#define __smusdx(a, b) TVMCRT_ARM_S(__SMUSDX(a, b))
#define __smlald(a, b, acc) ((int64_t)__SMLALD(a, b, acc))
#define __smlaldx(a, b, acc) ((int64_t)__SMLALDX(a, b, acc))
#define __smlsld(a, b, acc) ((int64_t)__SMLSLD(a, b, acc))
#define __smlsldx(a, b, acc) ((int64_t)__SMLSLDX(a, b, acc))
#define __smlabb(a, b, c) TVMCRT_ARM_S(tvmcrt_arm_smla_xy(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), TVMCRT_ARM_U(c), 0, 0))
#define __smlabt(a, b, c) TVMCRT_ARM_S(tvmcrt_arm_smla_xy(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), TVMCRT_ARM_U(c), 0, 1))
#define __smlatb(a, b, c) TVMCRT_ARM_S(tvmcrt_arm_smla_xy(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), TVMCRT_ARM_U(c), 1, 0))
#define __smlatt(a, b, c) TVMCRT_ARM_S(tvmcrt_arm_smla_xy(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), TVMCRT_ARM_U(c), 1, 1))
#define __smulbb(a, b) TVMCRT_ARM_S(tvmcrt_arm_smul_xy(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), 0, 0))
#define __smulbt(a, b) TVMCRT_ARM_S(tvmcrt_arm_smul_xy(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), 0, 1))
#define __smultb(a, b) TVMCRT_ARM_S(tvmcrt_arm_smul_xy(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), 1, 0))
#define __smultt(a, b) TVMCRT_ARM_S(tvmcrt_arm_smul_xy(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), 1, 1))
#define __smlawb(a, b, c) TVMCRT_ARM_S(tvmcrt_arm_smlaw_y(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), TVMCRT_ARM_U(c), 0))
#define __smlawt(a, b, c) TVMCRT_ARM_S(tvmcrt_arm_smlaw_y(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), TVMCRT_ARM_U(c), 1))
#define __smulwb(a, b) TVMCRT_ARM_S(tvmcrt_arm_smulw_y(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), 0))
#define __smulwt(a, b) TVMCRT_ARM_S(tvmcrt_arm_smulw_y(TVMCRT_ARM_U(a), TVMCRT_ARM_U(b), 1))
#define __ssat(x, n) __SSAT(x, n)
#define __usat(x, n) __USAT(x, n)
#define __ssat16(x, n) TVMCRT_ARM_S(__SSAT16(x, n))
#define __usat16(x, n) TVMCRT_ARM_S(__USAT16(x, n))
#define __qadd(a, b) __QADD(a, b)
#define __qsub(a, b) __QSUB(a, b)
#define __qdbl(a) __QADD(a, a)
#define __qadd8(a, b) TVMCRT_ARM_S(__QADD8(a, b))
#define __qsub8(a, b) TVMCRT_ARM_S(__QSUB8(a, b))
#define __qadd16(a, b) TVMCRT_ARM_S(__QADD16(a, b))
#define __qsub16(a, b) TVMCRT_ARM_S(__QSUB16(a, b))
#define __sadd8(a, b) TVMCRT_ARM_S(__SADD8(a, b))
#define __ssub8(a, b) TVMCRT_ARM_S(__SSUB8(a, b))
#define __sadd16(a, b) TVMCRT_ARM_S(__SADD16(a, b))
#define __ssub16(a, b) TVMCRT_ARM_S(__SSUB16(a, b))
#define __uadd8(a, b) __UADD8(a, b)
#define __usub8(a, b) __USUB8(a, b)
#define __uadd16(a, b) __UADD16(a, b)
#define __usub16(a, b) __USUB16(a, b)
#define __shadd16(a, b) TVMCRT_ARM_S(__SHADD16(a, b))
#define __shsub16(a, b) TVMCRT_ARM_S(__SHSUB16(a, b))
#define __sel(a, b) __SEL(a, b)
#define __usad8(a, b) __USAD8(a, b)
#define __usada8(a, b, c) __USADA8(a, b, c)
#define __sxtb16(x) TVMCRT_ARM_S(__SXTB16(x))
#define __sxtab16(a, x) TVMCRT_ARM_S(__SXTAB16(a, x))
#define __uxtb16(x) __UXTB16(x)
#define __uxtab16(a, x) __UXTAB16(a, x)
#define __ror(x, n) __ROR(x, n)
#define __clz(x) tvmcrt_arm_clz(TVMCRT_ARM_U(x))
#define __rev(x) __REV(x)
#define __rev16(x) __REV16(x)
#define __revsh(x) __REVSH(x)
#define __rbit(x) __RBIT(x)
#define __saturation_occurred() ((int)((tvmcrt_arm_apsr & TVMCRT_ARM_APSR_Q) != 0))
#define __set_saturation_occurred(v) \
  ((void)(tvmcrt_arm_apsr = (v) ? (tvmcrt_arm_apsr | TVMCRT_ARM_APSR_Q) : (tvmcrt_arm_apsr & ~TVMCRT_ARM_APSR_Q)))
#define __ignore_saturation() ((void)0)

/* TVM's arm_cpu micro-kernels define these two with inline assembly unless this macro is set. */
#define ARM_CPU_INTRINSICS_EXIST 1
#define __pkhbt(a, b, s) __PKHBT(a, b, s)
#define __pkhtb(a, b, s) __PKHTB(a, b, s)

/* GCC's Arm builtins, which arm_cpu code (tensordot) calls directly. */
#define __builtin_arm_smlabb __smlabb
#define __builtin_arm_smlabt __smlabt
#define __builtin_arm_smlatb __smlatb
#define __builtin_arm_smlatt __smlatt
#define __builtin_arm_smulbb __smulbb
#define __builtin_arm_smulbt __smulbt
#define __builtin_arm_smultb __smultb
#define __builtin_arm_smultt __smultt
#define __builtin_arm_smlawb __smlawb
#define __builtin_arm_smlawt __smlawt
#define __builtin_arm_smulwb __smulwb
#define __builtin_arm_smulwt __smulwt
#define __builtin_arm_smlad __smlad
#define __builtin_arm_smladx __smladx
#define __builtin_arm_smlsd __smlsd
#define __builtin_arm_smlsdx __smlsdx
#define __builtin_arm_smuad __smuad
#define __builtin_arm_smuadx __smuadx
#define __builtin_arm_smusd __smusd
#define __builtin_arm_smusdx __smusdx
#define __builtin_arm_smlald __smlald
#define __builtin_arm_smlaldx __smlaldx
#define __builtin_arm_smlsld __smlsld
#define __builtin_arm_smlsldx __smlsldx
#define __builtin_arm_qadd __qadd
#define __builtin_arm_qsub __qsub
#define __builtin_arm_ssat __ssat
#define __builtin_arm_usat __usat
#define __builtin_arm_sxtb16 __sxtb16
#define __builtin_arm_sxtab16 __sxtab16
#define __builtin_arm_uxtb16 __uxtb16
#define __builtin_arm_uxtab16 __uxtab16
#define __builtin_arm_sel __sel

#endif /* TVMCRT_ARM_NAMES_H_ */
