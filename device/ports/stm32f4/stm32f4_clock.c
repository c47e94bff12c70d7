/* SPDX-License-Identifier: Apache-2.0 */
/*
 * stm32f4_clock.c — the STM32F4 clock tree: the frequencies a board description gives, whether its
 * chip allows them, the register values that set them and the sequence that writes them.
 *
 * The one place the port does clock arithmetic: SysTick/DWT rates come from hclk_hz, every BRR from
 * the bus clock of its own USART (tvmcrt_stm32f4_usart_clock_hz()). Registers are touched only
 * through STM32_RD/STM32_WR, so tests/stm32f4 runs this natively against a fake register file.
 */
#include <stddef.h>

#include "stm32f4_regs.h"
#include "tvmcrt_stm32f4_board.h"

#define MHZ 1000000u

static uint32_t source_hz(const tvmcrt_stm32f4_clock_t *c) {
  return c->source == TVMCRT_STM32F4_SOURCE_HSI ? TVMCRT_STM32F4_HSI_HZ : c->hse_hz;
}

static uint32_t divide(uint32_t hz, uint32_t by) {
  return by == 0 ? 0 : hz / by;
}

void tvmcrt_stm32f4_clocks(const tvmcrt_stm32f4_clock_t *c, tvmcrt_stm32f4_clocks_t *out) {
  uint32_t vco = divide(source_hz(c), c->pll_m) * c->pll_n;
  out->sysclk_hz = divide(vco, c->pll_p);
  out->hclk_hz = divide(out->sysclk_hz, c->ahb_div);
  out->pclk1_hz = divide(out->hclk_hz, c->apb1_div);
  out->pclk2_hz = divide(out->hclk_hz, c->apb2_div);
}

/*--------------------------------------------------------------------------------------------------
 * Register values
 *------------------------------------------------------------------------------------------------*/

uint32_t tvmcrt_stm32f4_pllcfgr(const tvmcrt_stm32f4_clock_t *c, uint32_t old) {
  uint32_t v = old & ~RCC_PLLCFGR_FIELDS;
  v |= (uint32_t)c->pll_m | (uint32_t)c->pll_n << 6 | (uint32_t)(c->pll_p / 2u - 1u) << 16 | (uint32_t)c->pll_q << 24;
  if (c->source != TVMCRT_STM32F4_SOURCE_HSI) v |= RCC_PLLCFGR_PLLSRC_HSE;
  return v;
}

uint32_t tvmcrt_stm32f4_cfgr_prescalers(const tvmcrt_stm32f4_clock_t *c) {
  return tvmcrt_stm32_hpre_bits(c->ahb_div) << 4 | tvmcrt_stm32_ppre_bits(c->apb1_div) << 10 |
         tvmcrt_stm32_ppre_bits(c->apb2_div) << 13;
}

uint32_t tvmcrt_stm32f4_pwr_cr(const tvmcrt_stm32f4_clock_t *c, const tvmcrt_stm32f4_chip_t *chip, uint32_t old) {
  uint32_t mask = (chip->vos_width == 1u ? 1u : 3u) << PWR_CR_VOS_SHIFT;
  return (old & ~mask) | (((uint32_t)chip->vos_bits[c->vos_scale & 3u] << PWR_CR_VOS_SHIFT) & mask);
}

uint32_t tvmcrt_stm32f4_brr(uint32_t pclk_hz, uint32_t baud) {
  return baud == 0 ? 0 : (pclk_hz + baud / 2u) / baud;
}

/*--------------------------------------------------------------------------------------------------
 * The check: one sentence naming the field, its value and the limit (tvmcrt_stm32_complain() ...)
 *------------------------------------------------------------------------------------------------*/

static uint32_t needed_wait_states(const tvmcrt_stm32f4_chip_t *chip, uint32_t hclk) {
  uint32_t ws = 0;
  while (ws < chip->wait_states && hclk > chip->ws_max_hz[ws]) ws++;
  return ws;
}

/* The PLL chain, in the order of the clock tree. */
static const char *check_pll(const tvmcrt_stm32f4_clock_t *c, const tvmcrt_stm32f4_chip_t *chip) {
  uint32_t src = source_hz(c);
  const char *bad = NULL;
  if (c->source > TVMCRT_STM32F4_SOURCE_HSE_BYPASS)
    return tvmcrt_stm32_complain(chip->name, "clock source", c->source,
                                 "is not HSI (0), HSE crystal (1) or HSE bypass (2)");
  if (c->source == TVMCRT_STM32F4_SOURCE_HSE_CRYSTAL)
    bad = tvmcrt_stm32_outside(chip->name, "HSE crystal", src, 4u * MHZ, 26u * MHZ, " Hz");
  if (c->source == TVMCRT_STM32F4_SOURCE_HSE_BYPASS)
    bad = tvmcrt_stm32_outside(chip->name, "external HSE clock", src, 1u * MHZ, 50u * MHZ, " Hz");
  if (bad == NULL) bad = tvmcrt_stm32_outside(chip->name, "PLLM", c->pll_m, 2u, 63u, "");
  if (bad != NULL) return bad;
  if (src % c->pll_m != 0)
    return tvmcrt_stm32_complain(chip->name, "PLLM", c->pll_m, "does not divide the PLL input into whole Hz");
  uint32_t vco_in = src / c->pll_m;
  bad = tvmcrt_stm32_outside(chip->name, "VCO input (PLL input / PLLM)", vco_in, 1u * MHZ, 2u * MHZ, " Hz");
  if (bad == NULL) bad = tvmcrt_stm32_outside(chip->name, "PLLN", c->pll_n, chip->pll_n_min, 432u, "");
  if (bad == NULL)
    bad = tvmcrt_stm32_outside(chip->name, "VCO (VCO input x PLLN)", vco_in * c->pll_n, chip->vco_min_hz, 432u * MHZ,
                               " Hz");
  if (bad != NULL) return bad;
  if (c->pll_p < 2u || c->pll_p > 8u || (c->pll_p & 1u) != 0)
    return tvmcrt_stm32_complain(chip->name, "PLLP", c->pll_p, "is not 2, 4, 6 or 8");
  bad = tvmcrt_stm32_outside(chip->name, "PLLQ", c->pll_q, 2u, 15u, "");
  if (bad == NULL)
    bad = tvmcrt_stm32_above(chip->name, "PLL48CK (VCO / PLLQ)", vco_in * c->pll_n / c->pll_q, 48u * MHZ,
                             "its limit: raise PLLQ");
  return bad;
}

const char *tvmcrt_stm32f4_clock_check(const tvmcrt_stm32f4_clock_t *c, const tvmcrt_stm32f4_chip_t *chip) {
  const char *pll = check_pll(c, chip);
  if (pll != NULL) return pll;
  if (tvmcrt_stm32_hpre_bits(c->ahb_div) == TVMCRT_STM32_BAD_DIVIDER)
    return tvmcrt_stm32_complain(chip->name, "AHB divider", c->ahb_div, "is not 1, 2, 4, 8, 16, 64, 128, 256 or 512");
  if (tvmcrt_stm32_ppre_bits(c->apb1_div) == TVMCRT_STM32_BAD_DIVIDER)
    return tvmcrt_stm32_complain(chip->name, "APB1 divider", c->apb1_div, "is not 1, 2, 4, 8 or 16");
  if (tvmcrt_stm32_ppre_bits(c->apb2_div) == TVMCRT_STM32_BAD_DIVIDER)
    return tvmcrt_stm32_complain(chip->name, "APB2 divider", c->apb2_div, "is not 1, 2, 4, 8 or 16");
  if (c->vos_scale < 1u || c->vos_scale > 3u || chip->hclk_max_hz[c->vos_scale] == 0)
    return tvmcrt_stm32_complain(chip->name, "voltage scale", c->vos_scale, "does not exist on this chip");
  if (c->overdrive && chip->hclk_max_od_hz[c->vos_scale] == 0)
    return tvmcrt_stm32_complain(chip->name, "over-drive in voltage scale", c->vos_scale,
                                 "does not exist on this chip");
  tvmcrt_stm32f4_clocks_t f;
  tvmcrt_stm32f4_clocks(c, &f);
  const char *bad = c->overdrive ? tvmcrt_stm32_above(chip->name, "HCLK", f.hclk_hz, chip->hclk_max_od_hz[c->vos_scale],
                                                      "the limit of this voltage scale with over-drive")
                                 : tvmcrt_stm32_above(chip->name, "HCLK", f.hclk_hz, chip->hclk_max_hz[c->vos_scale],
                                                      "the limit of this voltage scale without over-drive");
  if (bad == NULL)
    bad = tvmcrt_stm32_above(chip->name, "PCLK1", f.pclk1_hz, c->overdrive ? chip->apb1_max_od_hz : chip->apb1_max_hz,
                             "the APB1 limit: raise the APB1 divider");
  if (bad == NULL)
    bad = tvmcrt_stm32_above(chip->name, "PCLK2", f.pclk2_hz, c->overdrive ? chip->apb2_max_od_hz : chip->apb2_max_hz,
                             "the APB2 limit: raise the APB2 divider");
  if (bad != NULL) return bad;
  if (c->flash_ws < needed_wait_states(chip, f.hclk_hz))
    return tvmcrt_stm32_complain(chip->name, "flash wait states", c->flash_ws,
                                 "are fewer than the manual's table asks for this HCLK at 2.7-3.6 V");
  if (c->flash_ws > 7u)
    return tvmcrt_stm32_complain(chip->name, "flash wait states", c->flash_ws, "do not fit FLASH_ACR (at most 7)");
  return NULL;
}

/*--------------------------------------------------------------------------------------------------
 * The start-up sequence
 *------------------------------------------------------------------------------------------------*/

static bool switch_to(uint32_t sw) {
  STM32_WR(RCC_CFGR, (STM32_RD(RCC_CFGR) & ~RCC_CFGR_SW_MASK) | sw);
  return tvmcrt_stm32_wait(RCC_CFGR, RCC_CFGR_SW_MASK << RCC_CFGR_SWS_SHIFT, sw << RCC_CFGR_SWS_SHIFT);
}

/* Back to what runs on any F4: HSI, prescalers at 1, PLL and HSE off. The raised wait states stay
 * (more than 16 MHz needs only slows the flash down). Should the core still be on the PLL (the
 * switch back failed too), everything stays as programmed, the APB prescalers with it, and `out`
 * is the description's clocks. */
static tvmcrt_stm32f4_clock_status_t fall_back(const tvmcrt_stm32f4_clock_t *c, tvmcrt_stm32f4_clock_status_t why,
                                               tvmcrt_stm32f4_clocks_t *out) {
  (void)switch_to(0); /* also when SWS shows HSI: SW may still ask for the PLL */
  if ((STM32_RD(RCC_CFGR) >> RCC_CFGR_SWS_SHIFT & RCC_CFGR_SW_MASK) == RCC_CFGR_SW_PLL) {
    tvmcrt_stm32f4_clocks(c, out);
    return why;
  }
  STM32_WR(RCC_CFGR, STM32_RD(RCC_CFGR) & ~RCC_CFGR_PRESCALERS);
  STM32_WR(RCC_CR, STM32_RD(RCC_CR) & ~(RCC_CR_PLLON | RCC_CR_HSEON));
  out->sysclk_hz = out->hclk_hz = out->pclk1_hz = out->pclk2_hz = TVMCRT_STM32F4_HSI_HZ;
  return why;
}

/* HSE on (HSEBYP first: it is writable only while the HSE is off). */
static bool start_hse(const tvmcrt_stm32f4_clock_t *c) {
  uint32_t cr = STM32_RD(RCC_CR) & ~(RCC_CR_HSEON | RCC_CR_HSEBYP);
  if (c->source == TVMCRT_STM32F4_SOURCE_HSE_BYPASS) cr |= RCC_CR_HSEBYP;
  STM32_WR(RCC_CR, cr);
  STM32_WR(RCC_CR, cr | RCC_CR_HSEON);
  return tvmcrt_stm32_wait(RCC_CR, RCC_CR_HSERDY, RCC_CR_HSERDY);
}

/* ODEN, wait ODRDY, ODSWEN, wait ODSWRDY (RM0090 "Entering Over-drive mode", steps 3-5). */
static bool start_overdrive(void) {
  STM32_SET(PWR_CR, PWR_CR_ODEN);
  if (!tvmcrt_stm32_wait(PWR_CSR, PWR_CSR_ODRDY, PWR_CSR_ODRDY)) return false;
  STM32_SET(PWR_CR, PWR_CR_ODSWEN);
  return tvmcrt_stm32_wait(PWR_CSR, PWR_CSR_ODSWRDY, PWR_CSR_ODSWRDY);
}

tvmcrt_stm32f4_clock_status_t tvmcrt_stm32f4_clock_start(const tvmcrt_stm32f4_clock_t *c,
                                                         const tvmcrt_stm32f4_chip_t *chip,
                                                         tvmcrt_stm32f4_clocks_t *out) {
  out->sysclk_hz = out->hclk_hz = out->pclk1_hz = out->pclk2_hz = 0;
  if ((STM32_RD(RCC_CR) & RCC_CR_HSIRDY) == 0) return TVMCRT_STM32F4_CLOCK_EMULATED;
  if (tvmcrt_stm32f4_clock_check(c, chip) != NULL) { /* nothing written: the chip stays as reset left it */
    out->sysclk_hz = out->hclk_hz = out->pclk1_hz = out->pclk2_hz = TVMCRT_STM32F4_HSI_HZ;
    return TVMCRT_STM32F4_CLOCK_INVALID;
  }
  /* From reset the chip is on HSI with the PLL off; a debugger or boot loader may have left it
   * otherwise, and PLLCFGR and VOS are writable only with the PLL off. */
  if ((STM32_RD(RCC_CFGR) >> RCC_CFGR_SWS_SHIFT & RCC_CFGR_SW_MASK) != 0 && !switch_to(0))
    return fall_back(c, TVMCRT_STM32F4_CLOCK_SWITCH_FAILED, out);
  if ((STM32_RD(RCC_CR) & RCC_CR_PLLON) != 0) {
    STM32_WR(RCC_CR, STM32_RD(RCC_CR) & ~RCC_CR_PLLON);
    if (!tvmcrt_stm32_wait(RCC_CR, RCC_CR_PLLRDY, 0)) return fall_back(c, TVMCRT_STM32F4_CLOCK_PLL_FAILED, out);
  }
  STM32_SET(RCC_APB1ENR, RCC_APB1ENR_PWREN);
  (void)STM32_RD(RCC_APB1ENR); /* the PWR block may be accessed two cycles after its clock is on */
  STM32_WR(PWR_CR, tvmcrt_stm32f4_pwr_cr(c, chip, STM32_RD(PWR_CR)));
  if (c->source != TVMCRT_STM32F4_SOURCE_HSI && !start_hse(c))
    return fall_back(c, TVMCRT_STM32F4_CLOCK_HSE_FAILED, out);
  STM32_WR(RCC_PLLCFGR, tvmcrt_stm32f4_pllcfgr(c, STM32_RD(RCC_PLLCFGR)));
  STM32_SET(RCC_CR, RCC_CR_PLLON);
  if (c->overdrive && !start_overdrive()) return fall_back(c, TVMCRT_STM32F4_CLOCK_OVERDRIVE_FAILED, out);
  /* Wait states before the faster clock, read back as the manuals ask. */
  STM32_WR(FLASH_ACR, c->flash_ws | FLASH_ACR_PRFTEN | FLASH_ACR_ICEN | FLASH_ACR_DCEN);
  if (!tvmcrt_stm32_wait(FLASH_ACR, FLASH_ACR_LATENCY_MASK, c->flash_ws))
    return fall_back(c, TVMCRT_STM32F4_CLOCK_FLASH_FAILED, out);
  STM32_WR(RCC_CFGR, (STM32_RD(RCC_CFGR) & ~RCC_CFGR_PRESCALERS) | tvmcrt_stm32f4_cfgr_prescalers(c));
  if (!tvmcrt_stm32_wait(RCC_CR, RCC_CR_PLLRDY, RCC_CR_PLLRDY))
    return fall_back(c, TVMCRT_STM32F4_CLOCK_PLL_FAILED, out);
  if (!switch_to(RCC_CFGR_SW_PLL)) return fall_back(c, TVMCRT_STM32F4_CLOCK_SWITCH_FAILED, out);
  tvmcrt_stm32f4_clocks(c, out);
  return TVMCRT_STM32F4_CLOCK_RUNNING;
}

const char *tvmcrt_stm32f4_clock_status_text(tvmcrt_stm32f4_clock_status_t status) {
  switch (status) {
    case TVMCRT_STM32F4_CLOCK_RUNNING: return "running";
    case TVMCRT_STM32F4_CLOCK_EMULATED: return "clock set-up skipped: the RCC reads 0 (an emulator)";
    case TVMCRT_STM32F4_CLOCK_INVALID: return "the board's clock description fails its check; on HSI";
    case TVMCRT_STM32F4_CLOCK_HSE_FAILED: return "HSE did not start (no crystal, or no MCO from the ST-LINK); on HSI";
    case TVMCRT_STM32F4_CLOCK_OVERDRIVE_FAILED: return "over-drive did not become ready; on HSI";
    case TVMCRT_STM32F4_CLOCK_FLASH_FAILED: return "flash did not take the wait states; on HSI";
    case TVMCRT_STM32F4_CLOCK_PLL_FAILED: return "PLL did not lock; on HSI";
    case TVMCRT_STM32F4_CLOCK_SWITCH_FAILED: return "clock switch did not happen; on HSI";
  }
  return "unknown clock status";
}
