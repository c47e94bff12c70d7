/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_stm32l4.h — the STM32L4+ port: the board's clock tree (up to 120 MHz in range 1 boost),
 * its UART (an LPUART or a USART: ISR/RDR/TDR) with an interrupt-fed receive ring, on the shared
 * Cortex-M layer (device/ports/cortex_m) and the STM32 helpers (device/ports/stm32). The board:
 * one header in boards/ (tvmcrt_stm32l4_board.h, board_desc.c), as for the F4.
 *
 * Checked natively against a fake register file (tests/stm32l4); QEMU 7.2 emulates no STM32L4+ and
 * no image of this port has run on silicon. Depends on board.c, uart.c, stm32l4_clock.c,
 * stm32l4_uart_setup.c, stm32l4_chips.c, vectors.c, one board_desc.c, device/ports/stm32 and
 * device/ports/cortex_m.
 */
#ifndef TVMCRT_STM32L4_H_
#define TVMCRT_STM32L4_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tvmcrt_cortex_m.h"
#include "tvmcrt_stm32l4_board.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Receive ring size in bytes, a power of two (see device/ports/stm32f4/tvmcrt_stm32f4.h). */
#ifndef TVMCRT_STM32L4_RX_BUFFER_SIZE
#define TVMCRT_STM32L4_RX_BUFFER_SIZE 16384
#endif
#if TVMCRT_STM32L4_RX_BUFFER_SIZE < 64 || (TVMCRT_STM32L4_RX_BUFFER_SIZE & (TVMCRT_STM32L4_RX_BUFFER_SIZE - 1)) != 0
#error "TVMCRT_STM32L4_RX_BUFFER_SIZE must be a power of two, at least 64"
#endif

/* Private to the port: the board's UART at the baud rate for `clocks`. */
void tvmcrt_stm32l4_uart_init(const tvmcrt_stm32l4_clocks_t *clocks);

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_STM32L4_H_ */
