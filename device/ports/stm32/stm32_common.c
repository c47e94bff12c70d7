/* SPDX-License-Identifier: Apache-2.0 */
/*
 * stm32_common.c — what the STM32 family ports share (tvmcrt_stm32.h).
 */
#include <stddef.h>

#include "tvmcrt_cm_text.h"
#include "tvmcrt_stm32.h"

bool tvmcrt_stm32_wait(uint32_t addr, uint32_t mask, uint32_t want) {
  for (uint32_t i = 0; i < TVMCRT_STM32_CLOCK_POLLS; i++) {
    if ((STM32_RD(addr) & mask) == want) return true;
  }
  return false;
}

void tvmcrt_stm32_pin_to_af(uint32_t port_base, tvmcrt_stm32_pin_t p, uint32_t af, bool pull_up) {
  uint32_t two = 2u * p.pin, four = 4u * (p.pin & 7u);
  uint32_t afr = port_base + (p.pin < 8u ? 0x20u : 0x24u), pupdr = port_base + 0x0Cu, moder = port_base;
  STM32_WR(afr, (STM32_RD(afr) & ~(0xFu << four)) | af << four);
  if (pull_up) STM32_WR(pupdr, (STM32_RD(pupdr) & ~(3u << two)) | 1u << two);
  STM32_WR(moder, (STM32_RD(moder) & ~(3u << two)) | 2u << two);
}

/* n when v == 2^n, else TVMCRT_STM32_BAD_DIVIDER. */
static uint32_t log2_exact(uint32_t v) {
  uint32_t n = 0;
  while (v > 1u && (v & 1u) == 0) {
    v >>= 1;
    n++;
  }
  return v == 1u ? n : TVMCRT_STM32_BAD_DIVIDER;
}

uint32_t tvmcrt_stm32_hpre_bits(uint32_t div) {
  uint32_t n = log2_exact(div);
  if (n == 0) return 0;
  if (n == TVMCRT_STM32_BAD_DIVIDER || n == 5u || n > 9u) return TVMCRT_STM32_BAD_DIVIDER;
  return n < 5u ? 7u + n : 6u + n; /* 2..16 -> 8..11, 64..512 -> 12..15 */
}

uint32_t tvmcrt_stm32_ppre_bits(uint32_t div) {
  uint32_t n = log2_exact(div);
  if (n == 0) return 0;
  return n == TVMCRT_STM32_BAD_DIVIDER || n > 4u ? TVMCRT_STM32_BAD_DIVIDER : 3u + n;
}

int32_t tvmcrt_stm32_baud_error_ppm(uint64_t numerator, uint32_t brr, uint32_t baud) {
  if (brr == 0 || baud == 0) return INT32_MIN;
  int64_t actual_micro = (int64_t)(numerator * 1000000u / brr); /* baud x 10^6 */
  return (int32_t)((actual_micro - (int64_t)baud * 1000000) / baud);
}

/*--------------------------------------------------------------------------------------------------
 * Sentences
 *------------------------------------------------------------------------------------------------*/

static char check_text[192];

static tvmcrt_cm_text_t start(const char *what, uint32_t value) {
  tvmcrt_cm_text_t t = tvmcrt_cm_text(check_text, sizeof check_text);
  tvmcrt_cm_text_str(&t, what);
  tvmcrt_cm_text_str(&t, " ");
  tvmcrt_cm_text_uint(&t, value, 10);
  return t;
}

static const char *finish(tvmcrt_cm_text_t *t, const char *chip) {
  tvmcrt_cm_text_str(t, " (");
  tvmcrt_cm_text_str(t, chip);
  tvmcrt_cm_text_str(t, ")");
  return check_text;
}

const char *tvmcrt_stm32_complain(const char *chip, const char *what, uint32_t value, const char *rule) {
  tvmcrt_cm_text_t t = start(what, value);
  tvmcrt_cm_text_str(&t, " ");
  tvmcrt_cm_text_str(&t, rule);
  return finish(&t, chip);
}

const char *tvmcrt_stm32_outside(const char *chip, const char *what, uint32_t value, uint32_t lo, uint32_t hi,
                                 const char *unit) {
  if (value >= lo && value <= hi) return NULL;
  tvmcrt_cm_text_t t = start(what, value);
  tvmcrt_cm_text_str(&t, unit);
  tvmcrt_cm_text_str(&t, " is outside ");
  tvmcrt_cm_text_uint(&t, lo, 10);
  tvmcrt_cm_text_str(&t, "..");
  tvmcrt_cm_text_uint(&t, hi, 10);
  tvmcrt_cm_text_str(&t, unit);
  return finish(&t, chip);
}

const char *tvmcrt_stm32_above(const char *chip, const char *what, uint32_t value, uint32_t max, const char *context) {
  if (value <= max) return NULL;
  tvmcrt_cm_text_t t = start(what, value);
  tvmcrt_cm_text_str(&t, " Hz is above ");
  tvmcrt_cm_text_uint(&t, max, 10);
  tvmcrt_cm_text_str(&t, " Hz, ");
  tvmcrt_cm_text_str(&t, context);
  return finish(&t, chip);
}
