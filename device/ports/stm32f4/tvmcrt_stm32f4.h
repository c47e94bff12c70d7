/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_stm32f4.h — the STM32F4 port: the board's clock tree, its USART with an interrupt-fed
 * receive ring, on the shared Cortex-M layer (device/ports/cortex_m: start-up, the tick, reset, the
 * agent's main loop, the board functions tvmcrt_board_*()). No vendor HAL; register level
 * (stm32f4_regs.h). Which board: one header in boards/ (tvmcrt_stm32f4_board.h, board_desc.c).
 *
 * Every board's image runs on its silicon and, unchanged, on QEMU `-M netduinoplus2` with its own
 * USART as the host link (the image's .tvmcrt.board section says which -serial that is).
 * docs/porting.md says how to add a board. Depends on board.c, uart.c, stm32f4_clock.c,
 * stm32f4_uart_setup.c, stm32f4_chips.c, vectors.c, one board_desc.c and device/ports/cortex_m.
 */
#ifndef TVMCRT_STM32F4_H_
#define TVMCRT_STM32F4_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tvmcrt_cortex_m.h"
#include "tvmcrt_port.h"
#include "tvmcrt_stm32f4_board.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Receive ring size in bytes, a power of two. It only has to hold what arrives while the main loop
 * is not reading (a model running, a reply being sent): the host waits for each reply, so one request
 * frame is the most that can pile up. Bytes that do not fit are counted in rx_dropped. */
#ifndef TVMCRT_STM32F4_RX_BUFFER_SIZE
#define TVMCRT_STM32F4_RX_BUFFER_SIZE 1024
#endif
#if TVMCRT_STM32F4_RX_BUFFER_SIZE < 64 || (TVMCRT_STM32F4_RX_BUFFER_SIZE & (TVMCRT_STM32F4_RX_BUFFER_SIZE - 1)) != 0
#error "TVMCRT_STM32F4_RX_BUFFER_SIZE must be a power of two, at least 64"
#endif

/* Core clock QEMU's netduinoplus2 emulates (its SysTick counts at this rate of virtual time). On
 * silicon the rate is the board's HCLK (tvmcrt_stm32f4_clocks()). */
#ifndef TVMCRT_STM32F4_EMULATED_CORE_HZ
#define TVMCRT_STM32F4_EMULATED_CORE_HZ 168000000u
#endif

typedef struct tvmcrt_stm32f4_uart_stats {
  uint32_t rx_bytes;     /* bytes received into the ring */
  uint32_t rx_dropped;   /* bytes lost because the ring was full */
  uint32_t rx_overruns;  /* USART overrun errors: a byte arrived before the interrupt ran */
} tvmcrt_stm32f4_uart_stats_t;

/* The board functions (tvmcrt_cortex_m.h): tvmcrt_board_init() starts the board's clock tree
 * (skipped where the RCC reads 0: QEMU), the tick, and the board's USART with its receive interrupt;
 * tvmcrt_board_uart_read/_write() are that USART; the platform line names the board, the core
 * clock and the tick's counter ("stm32f4 nucleo_f446re: STM32F446 at 180 MHz ...", or
 * "stm32f4-emulated ..." under QEMU). The USART's counters, main context: */
void tvmcrt_stm32f4_uart_stats(tvmcrt_stm32f4_uart_stats_t *stats);

/* True when the RCC reads 0 (QEMU 7.2 does not emulate it): the tick rate is then
 * TVMCRT_STM32F4_EMULATED_CORE_HZ instead of the board's HCLK. */
bool tvmcrt_stm32f4_emulated(void);

/* Private to the port: the USART of tvmcrt_stm32f4_board at the baud rate for `clocks`. */
void tvmcrt_stm32f4_uart_init(const tvmcrt_stm32f4_clocks_t *clocks);

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_STM32F4_H_ */
