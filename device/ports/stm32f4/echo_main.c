/*
 * echo_main.c — bring-up firmware (tvmcrt-fw-echo): proves the USART1 driver, the receive ring and
 * SysTick on a new board or emulator before the agent is involved.
 *
 * Sends one banner line at boot, then echoes every byte, except two control bytes:
 *   0x01  stop reading for 200 ms (as a model run would); bytes arriving meanwhile must all be echoed
 *   0x02  print "rx=<n> dropped=<n> overruns=<n> tick_hz=<n> ticks=<n> boot=<hex>\n"
 * tests/firmware/echo_test.py drives it.
 */
#include "tvmcrt_stm32f4.h"

static size_t put_str(uint8_t *out, const char *s) {
  size_t n = 0;
  while (s[n] != '\0') {
    out[n] = (uint8_t)s[n];
    n++;
  }
  return n;
}

static size_t put_uint(uint8_t *out, uint32_t v, uint32_t base) {
  uint8_t digits[10];
  size_t n = 0;
  do {
    digits[n++] = (uint8_t)"0123456789abcdef"[v % base];
    v /= base;
  } while (v != 0);
  for (size_t i = 0; i < n; i++) out[i] = digits[n - 1 - i];
  return n;
}

static void send_status(void) {
  tvmcrt_stm32f4_uart_stats_t st;
  tvmcrt_stm32f4_uart_stats(&st);
  uint8_t line[128];
  size_t n = put_str(line, "rx=");
  n += put_uint(line + n, st.rx_bytes, 10);
  n += put_str(line + n, " dropped=");
  n += put_uint(line + n, st.rx_dropped, 10);
  n += put_str(line + n, " overruns=");
  n += put_uint(line + n, st.rx_overruns, 10);
  n += put_str(line + n, " tick_hz=");
  n += put_uint(line + n, tvmcrt_cm_tick_hz(), 10);
  n += put_str(line + n, " ticks=");
  n += put_uint(line + n, tvmcrt_cm_ticks(), 10);
  n += put_str(line + n, " boot=");
  n += put_uint(line + n, tvmcrt_cm_boot_id(), 16);
  line[n++] = '\n';
  (void)tvmcrt_board_uart_write(line, n);
}

static void stall(uint32_t ms) {
  uint32_t start = tvmcrt_cm_ticks();
  uint32_t span = tvmcrt_cm_tick_hz() / 1000u * ms;
  while (tvmcrt_cm_ticks() - start < span) {
  }
}

int main(void) {
  tvmcrt_board_init();
  static const uint8_t banner[] = "tvmcrt-echo ready\n";
  (void)tvmcrt_board_uart_write(banner, sizeof banner - 1);
  for (;;) {
    uint8_t buf[64];
    size_t n = tvmcrt_board_uart_read(buf, sizeof buf);
    for (size_t i = 0; i < n; i++) {
      if (buf[i] == 0x01) {
        stall(200);
      } else if (buf[i] == 0x02) {
        send_status();
      } else {
        (void)tvmcrt_board_uart_write(&buf[i], 1);
      }
    }
  }
}
