/* SPDX-License-Identifier: Apache-2.0 */
/*
 * platform.c — the platform line `tvmcrt-host info` shows, the same shape for every bare-metal
 * port: which board, what its core runs at, which counter times the models.
 */
#include "tvmcrt_cm_text.h"
#include "tvmcrt_cortex_m.h"

void tvmcrt_cm_platform_line(char *buf, size_t cap, const char *family, const char *board, const char *chip,
                             uint32_t core_hz, const char *clock_note) {
  tvmcrt_cm_text_t t = tvmcrt_cm_text(buf, cap);
  tvmcrt_cm_text_str(&t, family);
  tvmcrt_cm_text_str(&t, core_hz == 0 ? "-emulated " : " ");
  tvmcrt_cm_text_str(&t, board);
  tvmcrt_cm_text_str(&t, ": ");
  if (core_hz != 0) {
    tvmcrt_cm_text_str(&t, chip);
    tvmcrt_cm_text_str(&t, " at ");
    tvmcrt_cm_text_hz(&t, core_hz);
    tvmcrt_cm_text_str(&t, " (");
    tvmcrt_cm_text_str(&t, clock_note);
    tvmcrt_cm_text_str(&t, ")");
  } else {
    tvmcrt_cm_text_str(&t, clock_note);
  }
  tvmcrt_cm_text_str(&t, ", times from ");
  tvmcrt_cm_text_str(&t, tvmcrt_cm_tick_source());
  tvmcrt_cm_text_str(&t, " at ");
  tvmcrt_cm_text_hz(&t, tvmcrt_cm_tick_hz());
}
