/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_mps2_an386.h — the MPS2 AN386 port (Cortex-M4 with FPU): UART0 (CMSDK APB UART) with an
 * interrupt-fed receive ring, on the shared Cortex-M layer (device/ports/cortex_m). Its point is RAM:
 * 4 MiB of code memory at 0 and 4 MiB of SRAM at 0x20000000, so models too big for an STM32F4 run
 * end to end under emulation (QEMU -M mps2-an386).
 *
 * QEMU 7.2's CMSDK UART only wakes its main loop on other events: the image's .tvmcrt.board section
 * asks launchers for a NIC (-nic user,model=lan9118,restrict=on, no traffic leaves the guest) that
 * does. Not tried on an MPS2+ board: on one, UART0 is the USB-serial port at 115200 8N1.
 * Depends on board.c, uart.c, vectors.c and device/ports/cortex_m.
 */
#ifndef TVMCRT_MPS2_AN386_H_
#define TVMCRT_MPS2_AN386_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tvmcrt_cortex_m.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Receive ring size in bytes, a power of two (the agent's receive window of frames). */
#ifndef TVMCRT_MPS2_RX_BUFFER_SIZE
#define TVMCRT_MPS2_RX_BUFFER_SIZE 16384
#endif
#if TVMCRT_MPS2_RX_BUFFER_SIZE < 64 || (TVMCRT_MPS2_RX_BUFFER_SIZE & (TVMCRT_MPS2_RX_BUFFER_SIZE - 1)) != 0
#error "TVMCRT_MPS2_RX_BUFFER_SIZE must be a power of two, at least 64"
#endif

/* The MPS2 FPGA's system clock (SysTick and the UART), as QEMU emulates it. */
#define TVMCRT_MPS2_CORE_HZ 25000000u
#define TVMCRT_MPS2_BAUD 115200u

/* The board functions (tvmcrt_cortex_m.h) are UART0: tvmcrt_board_uart_read/_write(),
 * tvmcrt_board_rx_lost() (a full ring or a receive overrun); the platform is "mps2-an386". */

/* Private to the port. */
void tvmcrt_mps2_uart_init(void);

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_MPS2_AN386_H_ */
