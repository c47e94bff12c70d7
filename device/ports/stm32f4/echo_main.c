/* SPDX-License-Identifier: Apache-2.0 */
/*
 * echo_main.c — bring-up firmware (tvmcrt-fw-echo, tvmcrt-echo-<board>): proves the clock, the
 * USART driver, the receive ring and the tick on a new board or emulator before the agent is
 * involved.
 *
 * Sends one banner line at boot, "tvmcrt-echo ready: " and the platform line (board, core clock,
 * tick counter), then echoes every byte, except two control bytes:
 *   0x01  stop reading for 200 ms (as a model run would); bytes arriving meanwhile must all be echoed
 *   0x02  print "rx=<n> dropped=<n> overruns=<n> tick_hz=<n> ticks=<n> boot=<hex>\n"
 *   0x03  print the banner again (on a real board the port is opened after the boot banner went out)
 * tests/firmware/echo_test.py drives it.
 */
#include "tvmcrt_cm_text.h"
#include "tvmcrt_stm32f4.h"

static void send_text(const char *text) {
  size_t n = 0;
  while (text[n] != '\0') n++;
  (void)tvmcrt_board_uart_write((const uint8_t *)text, n);
}

static void send_status(void) {
  tvmcrt_stm32f4_uart_stats_t st;
  tvmcrt_stm32f4_uart_stats(&st);
  char line[128];
  tvmcrt_cm_text_t t = tvmcrt_cm_text(line, sizeof line);
  tvmcrt_cm_text_str(&t, "rx=");
  tvmcrt_cm_text_uint(&t, st.rx_bytes, 10);
  tvmcrt_cm_text_str(&t, " dropped=");
  tvmcrt_cm_text_uint(&t, st.rx_dropped, 10);
  tvmcrt_cm_text_str(&t, " overruns=");
  tvmcrt_cm_text_uint(&t, st.rx_overruns, 10);
  tvmcrt_cm_text_str(&t, " tick_hz=");
  tvmcrt_cm_text_uint(&t, tvmcrt_cm_tick_hz(), 10);
  tvmcrt_cm_text_str(&t, " ticks=");
  tvmcrt_cm_text_uint(&t, tvmcrt_cm_ticks(), 10);
  tvmcrt_cm_text_str(&t, " boot=");
  tvmcrt_cm_text_uint(&t, tvmcrt_cm_boot_id(), 16);
  tvmcrt_cm_text_str(&t, "\n");
  send_text(line);
}

static void stall(uint32_t ms) {
  uint32_t start = tvmcrt_cm_ticks();
  uint32_t span = tvmcrt_cm_tick_hz() / 1000u * ms;
  while (tvmcrt_cm_ticks() - start < span) {
  }
}

static void send_banner(void) {
  send_text("tvmcrt-echo ready: ");
  send_text(tvmcrt_board_platform());
  send_text("\n");
}

int main(void) {
  tvmcrt_board_init();
  send_banner();
  for (;;) {
    uint8_t buf[64];
    size_t n = tvmcrt_board_uart_read(buf, sizeof buf);
    for (size_t i = 0; i < n; i++) {
      if (buf[i] == 0x01) {
        stall(200);
      } else if (buf[i] == 0x02) {
        send_status();
      } else if (buf[i] == 0x03) {
        send_banner();
      } else {
        (void)tvmcrt_board_uart_write(&buf[i], 1);
      }
    }
  }
}
