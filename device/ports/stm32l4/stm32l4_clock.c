/* SPDX-License-Identifier: Apache-2.0 */
/*
 * stm32l4_clock.c — the STM32L4+ clock tree: frequencies, the check, the register values and the
 * start-up sequence (RM0432). The same shape as device/ports/stm32f4/stm32f4_clock.c, another RCC:
 * the PLL's R output runs the core, PLLM is M - 1, PPRE1/PPRE2 sit at 10:8 / 13:11, and above 80
 * MHz the regulator's boost mode with an AHB /2 step. Registers only through STM32_RD/STM32_WR.
 */
#include <stddef.h>

#include "stm32l4_regs.h"
#include "tvmcrt_stm32l4_board.h"

#define MHZ 1000000u

static uint32_t source_hz(const tvmcrt_stm32l4_clock_t *c) {
  return c->source == TVMCRT_STM32L4_SOURCE_HSI ? TVMCRT_STM32L4_HSI_HZ : c->hse_hz;
}

static uint32_t divide(uint32_t hz, uint32_t by) {
  return by == 0 ? 0 : hz / by;
}

void tvmcrt_stm32l4_clocks(const tvmcrt_stm32l4_clock_t *c, tvmcrt_stm32l4_clocks_t *out) {
  out->sysclk_hz = divide(divide(source_hz(c), c->pll_m) * c->pll_n, c->pll_r);
  out->hclk_hz = divide(out->sysclk_hz, c->ahb_div);
  out->pclk1_hz = divide(out->hclk_hz, c->apb1_div);
  out->pclk2_hz = divide(out->hclk_hz, c->apb2_div);
}

uint32_t tvmcrt_stm32l4_pllcfgr(const tvmcrt_stm32l4_clock_t *c) {
  uint32_t src = c->source == TVMCRT_STM32L4_SOURCE_HSI ? RCC_PLLCFGR_SRC_HSI : RCC_PLLCFGR_SRC_HSE;
  return src | (uint32_t)(c->pll_m - 1u) << 4 | (uint32_t)c->pll_n << 8 | RCC_PLLCFGR_PLLREN |
         (uint32_t)(c->pll_r / 2u - 1u) << 25;
}

uint32_t tvmcrt_stm32l4_cfgr_prescalers(const tvmcrt_stm32l4_clock_t *c) {
  return tvmcrt_stm32_hpre_bits(c->ahb_div) << 4 | tvmcrt_stm32_ppre_bits(c->apb1_div) << 8 |
         tvmcrt_stm32_ppre_bits(c->apb2_div) << 11;
}

static uint32_t needed_wait_states(const tvmcrt_stm32l4_chip_t *chip, bool boost, uint32_t hclk) {
  const uint32_t *table = boost ? chip->ws_max_boost_hz : chip->ws_max_hz;
  uint32_t n = boost ? chip->wait_states_boost : chip->wait_states, ws = 0;
  while (ws < n && hclk > table[ws]) ws++;
  return ws;
}

const char *tvmcrt_stm32l4_clock_check(const tvmcrt_stm32l4_clock_t *c, const tvmcrt_stm32l4_chip_t *chip) {
  const char *n = chip->name, *bad = NULL;
  uint32_t src = source_hz(c);
  if (c->source > TVMCRT_STM32L4_SOURCE_HSE_BYPASS)
    return tvmcrt_stm32_complain(n, "clock source", c->source, "is not HSI (0), HSE crystal (1) or HSE bypass (2)");
  if (c->source == TVMCRT_STM32L4_SOURCE_HSE_CRYSTAL)
    bad = tvmcrt_stm32_outside(n, "HSE crystal", src, 4u * MHZ, 48u * MHZ, " Hz");
  if (c->source == TVMCRT_STM32L4_SOURCE_HSE_BYPASS)
    bad = tvmcrt_stm32_outside(n, "external HSE clock", src, 1u * MHZ, 48u * MHZ, " Hz");
  if (bad == NULL) bad = tvmcrt_stm32_outside(n, "PLLM", c->pll_m, 1u, chip->pll_m_max, "");
  if (bad != NULL) return bad;
  if (src % c->pll_m != 0)
    return tvmcrt_stm32_complain(n, "PLLM", c->pll_m, "does not divide the PLL input into whole Hz");
  uint32_t vco_in = src / c->pll_m;
  bad =
      tvmcrt_stm32_outside(n, "VCO input (PLL input / PLLM)", vco_in, chip->vco_in_min_hz, chip->vco_in_max_hz, " Hz");
  if (bad == NULL) bad = tvmcrt_stm32_outside(n, "PLLN", c->pll_n, chip->pll_n_min, chip->pll_n_max, "");
  if (bad == NULL)
    bad =
        tvmcrt_stm32_outside(n, "VCO (VCO input x PLLN)", vco_in * c->pll_n, chip->vco_min_hz, chip->vco_max_hz, " Hz");
  if (bad != NULL) return bad;
  if (c->pll_r < 2u || c->pll_r > 8u || (c->pll_r & 1u) != 0)
    return tvmcrt_stm32_complain(n, "PLLR", c->pll_r, "is not 2, 4, 6 or 8");
  if (tvmcrt_stm32_hpre_bits(c->ahb_div) == TVMCRT_STM32_BAD_DIVIDER)
    return tvmcrt_stm32_complain(n, "AHB divider", c->ahb_div, "is not 1, 2, 4, 8, 16, 64, 128, 256 or 512");
  if (tvmcrt_stm32_ppre_bits(c->apb1_div) == TVMCRT_STM32_BAD_DIVIDER)
    return tvmcrt_stm32_complain(n, "APB1 divider", c->apb1_div, "is not 1, 2, 4, 8 or 16");
  if (tvmcrt_stm32_ppre_bits(c->apb2_div) == TVMCRT_STM32_BAD_DIVIDER)
    return tvmcrt_stm32_complain(n, "APB2 divider", c->apb2_div, "is not 1, 2, 4, 8 or 16");
  tvmcrt_stm32l4_clocks_t f;
  tvmcrt_stm32l4_clocks(c, &f);
  bad = c->boost
            ? tvmcrt_stm32_above(n, "SYSCLK", f.sysclk_hz, chip->hclk_max_boost_hz, "the limit of range 1 boost")
            : tvmcrt_stm32_above(n, "SYSCLK", f.sysclk_hz, chip->hclk_max_hz, "the limit of range 1 normal: boost it");
  if (bad == NULL) bad = tvmcrt_stm32_above(n, "PCLK1", f.pclk1_hz, chip->apb_max_hz, "the APB limit");
  if (bad == NULL) bad = tvmcrt_stm32_above(n, "PCLK2", f.pclk2_hz, chip->apb_max_hz, "the APB limit");
  if (bad != NULL) return bad;
  if (c->flash_ws < needed_wait_states(chip, c->boost, f.hclk_hz))
    return tvmcrt_stm32_complain(n, "flash wait states", c->flash_ws,
                                 "are fewer than the manual's table asks for this HCLK");
  if (c->flash_ws > 15u)
    return tvmcrt_stm32_complain(n, "flash wait states", c->flash_ws, "do not fit FLASH_ACR (at most 15)");
  return NULL;
}

/*--------------------------------------------------------------------------------------------------
 * The start-up sequence
 *------------------------------------------------------------------------------------------------*/

static bool switch_to(uint32_t sw) {
  STM32_WR(RCC_CFGR, (STM32_RD(RCC_CFGR) & ~RCC_CFGR_SW_MASK) | sw);
  return tvmcrt_stm32_wait(RCC_CFGR, RCC_CFGR_SW_MASK << RCC_CFGR_SWS_SHIFT, sw << RCC_CFGR_SWS_SHIFT);
}

static void set_all(tvmcrt_stm32l4_clocks_t *out, uint32_t hz) {
  out->sysclk_hz = out->hclk_hz = out->pclk1_hz = out->pclk2_hz = hz;
}

/* Back to the HSI16 (or the 4 MHz MSI of reset when the HSI is what failed), prescalers /1, PLL and
 * HSE off. Range 1 boost and the raised wait states stay: both are fine at any lower clock. `out`
 * gets what SWS shows runs; should the core still be on the PLL (the switch back failed too),
 * everything stays as programmed and `out` is the description's clocks. */
static tvmcrt_stm32l4_clock_status_t fall_back(const tvmcrt_stm32l4_clock_t *c, tvmcrt_stm32l4_clock_status_t why,
                                               tvmcrt_stm32l4_clocks_t *out) {
  uint32_t target = (STM32_RD(RCC_CR) & RCC_CR_HSIRDY) != 0 ? RCC_CFGR_SW_HSI : 0u;
  (void)switch_to(target); /* also when SWS shows it already: SW may still ask for the PLL */
  uint32_t sws = STM32_RD(RCC_CFGR) >> RCC_CFGR_SWS_SHIFT & RCC_CFGR_SW_MASK;
  if (sws == RCC_CFGR_SW_PLL) {
    tvmcrt_stm32l4_clocks(c, out);
    return why;
  }
  STM32_WR(RCC_CFGR, STM32_RD(RCC_CFGR) & ~RCC_CFGR_PRESCALERS);
  STM32_WR(RCC_CR, STM32_RD(RCC_CR) & ~(RCC_CR_PLLON | RCC_CR_HSEON));
  set_all(out, sws == RCC_CFGR_SW_HSI ? TVMCRT_STM32L4_HSI_HZ : TVMCRT_STM32L4_MSI_HZ);
  return why;
}

static bool start_oscillator(const tvmcrt_stm32l4_clock_t *c) {
  if (c->source == TVMCRT_STM32L4_SOURCE_HSI) {
    STM32_SET(RCC_CR, RCC_CR_HSION);
    return tvmcrt_stm32_wait(RCC_CR, RCC_CR_HSIRDY, RCC_CR_HSIRDY);
  }
  uint32_t cr = STM32_RD(RCC_CR) & ~(RCC_CR_HSEON | RCC_CR_HSEBYP);
  if (c->source == TVMCRT_STM32L4_SOURCE_HSE_BYPASS) cr |= RCC_CR_HSEBYP; /* only while the HSE is off */
  STM32_WR(RCC_CR, cr);
  STM32_WR(RCC_CR, cr | RCC_CR_HSEON);
  return tvmcrt_stm32_wait(RCC_CR, RCC_CR_HSERDY, RCC_CR_HSERDY);
}

tvmcrt_stm32l4_clock_status_t tvmcrt_stm32l4_clock_start(const tvmcrt_stm32l4_clock_t *c,
                                                         const tvmcrt_stm32l4_chip_t *chip,
                                                         tvmcrt_stm32l4_clocks_t *out) {
  set_all(out, 0);
  if (STM32_RD(RCC_CR) == 0) return TVMCRT_STM32L4_CLOCK_EMULATED;
  if (tvmcrt_stm32l4_clock_check(c, chip) != NULL) { /* nothing written: the MSI of reset runs on */
    set_all(out, TVMCRT_STM32L4_MSI_HZ);
    return TVMCRT_STM32L4_CLOCK_INVALID;
  }
  /* A PLL a boot loader left running: off it, PLLCFGR is writable only with the PLL off. */
  if ((STM32_RD(RCC_CFGR) >> RCC_CFGR_SWS_SHIFT & RCC_CFGR_SW_MASK) == RCC_CFGR_SW_PLL && !switch_to(0))
    return fall_back(c, TVMCRT_STM32L4_CLOCK_SWITCH_FAILED, out);
  if ((STM32_RD(RCC_CR) & RCC_CR_PLLON) != 0) {
    STM32_WR(RCC_CR, STM32_RD(RCC_CR) & ~RCC_CR_PLLON);
    if (!tvmcrt_stm32_wait(RCC_CR, RCC_CR_PLLRDY, 0)) return fall_back(c, TVMCRT_STM32L4_CLOCK_PLL_FAILED, out);
  }
  STM32_SET(RCC_APB1ENR1, RCC_APB1ENR1_PWREN);
  (void)STM32_RD(RCC_APB1ENR1); /* the PWR block may be accessed two cycles after its clock is on */
  STM32_WR(PWR_CR1, (STM32_RD(PWR_CR1) & ~PWR_CR1_VOS_MASK) | PWR_CR1_VOS_RANGE1);
  if (!tvmcrt_stm32_wait(PWR_SR2, PWR_SR2_VOSF, 0)) return fall_back(c, TVMCRT_STM32L4_CLOCK_REGULATOR_FAILED, out);
  if (!start_oscillator(c)) return fall_back(c, TVMCRT_STM32L4_CLOCK_OSC_FAILED, out);
  STM32_WR(RCC_PLLCFGR, tvmcrt_stm32l4_pllcfgr(c));
  STM32_SET(RCC_CR, RCC_CR_PLLON);
  if (!tvmcrt_stm32_wait(RCC_CR, RCC_CR_PLLRDY, RCC_CR_PLLRDY))
    return fall_back(c, TVMCRT_STM32L4_CLOCK_PLL_FAILED, out);
  uint32_t target = tvmcrt_stm32l4_cfgr_prescalers(c), first = target;
  if (c->boost) { /* RM0432, range 1 normal to boost: steps 1 (AHB /2) and 2 (R1MODE = 0) */
    first = (target & ~RCC_CFGR_HPRE_MASK) | tvmcrt_stm32_hpre_bits(2) << 4;
    STM32_WR(RCC_CFGR, (STM32_RD(RCC_CFGR) & ~RCC_CFGR_HPRE_MASK) | (first & RCC_CFGR_HPRE_MASK));
    STM32_WR(PWR_CR5, STM32_RD(PWR_CR5) & ~PWR_CR5_R1MODE);
  }
  /* Step 3: wait states for the new clock, read back. */
  STM32_WR(FLASH_ACR, c->flash_ws | FLASH_ACR_PRFTEN | FLASH_ACR_ICEN | FLASH_ACR_DCEN);
  if (!tvmcrt_stm32_wait(FLASH_ACR, FLASH_ACR_LATENCY_MASK, c->flash_ws))
    return fall_back(c, TVMCRT_STM32L4_CLOCK_FLASH_FAILED, out);
  /* Step 4: the switch, with the AHB still at /2 in boost. */
  STM32_WR(RCC_CFGR, (STM32_RD(RCC_CFGR) & ~RCC_CFGR_PRESCALERS) | first);
  if (!switch_to(RCC_CFGR_SW_PLL)) return fall_back(c, TVMCRT_STM32L4_CLOCK_SWITCH_FAILED, out);
  if (c->boost) { /* step 5: at least 1 us, then the AHB divider wanted. 64 register reads take over
                   * 128 cycles, 2 us at the 60 MHz of HCLK / 2. */
    for (uint32_t i = 0; i < 64u; i++) (void)STM32_RD(RCC_CFGR);
    STM32_WR(RCC_CFGR, (STM32_RD(RCC_CFGR) & ~RCC_CFGR_HPRE_MASK) | (target & RCC_CFGR_HPRE_MASK));
  }
  tvmcrt_stm32l4_clocks(c, out);
  return TVMCRT_STM32L4_CLOCK_RUNNING;
}

const char *tvmcrt_stm32l4_clock_status_text(tvmcrt_stm32l4_clock_status_t status) {
  switch (status) {
    case TVMCRT_STM32L4_CLOCK_RUNNING: return "running";
    case TVMCRT_STM32L4_CLOCK_EMULATED: return "clock set-up skipped: the RCC reads 0 (an emulator)";
    case TVMCRT_STM32L4_CLOCK_INVALID: return "the board's clock description fails its check; on the MSI";
    case TVMCRT_STM32L4_CLOCK_REGULATOR_FAILED: return "the regulator did not settle in range 1";
    case TVMCRT_STM32L4_CLOCK_OSC_FAILED: return "the PLL's oscillator did not start";
    case TVMCRT_STM32L4_CLOCK_PLL_FAILED: return "PLL did not lock";
    case TVMCRT_STM32L4_CLOCK_FLASH_FAILED: return "flash did not take the wait states";
    case TVMCRT_STM32L4_CLOCK_SWITCH_FAILED: return "clock switch did not happen";
  }
  return "unknown clock status";
}
