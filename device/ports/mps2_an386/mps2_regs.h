/* SPDX-License-Identifier: Apache-2.0 */
/*
 * mps2_regs.h — the MPS2 AN386 peripherals this port touches: UART0, a CMSDK APB UART (Arm Cortex-M
 * System Design Kit TRM, "APB UART"), at its address in the AN386 memory map. Private to
 * device/ports/mps2_an386.
 */
#ifndef TVMCRT_MPS2_REGS_H_
#define TVMCRT_MPS2_REGS_H_

#include <stdint.h>

#define MPS2_REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

#define UART0_DATA MPS2_REG(0x40004000u)
#define UART0_STATE MPS2_REG(0x40004004u)
#define UART0_CTRL MPS2_REG(0x40004008u)
#define UART0_INTSTATUS MPS2_REG(0x4000400Cu) /* read: pending; write 1: clear */
#define UART0_BAUDDIV MPS2_REG(0x40004010u)
#define UART_STATE_TX_FULL (1u << 0)
#define UART_STATE_RX_FULL (1u << 1)
#define UART_STATE_RX_OVERRUN (1u << 3) /* write 1 to clear */
#define UART_CTRL_TX_EN (1u << 0)
#define UART_CTRL_RX_EN (1u << 1)
#define UART_CTRL_RX_INT_EN (1u << 3)
#define UART_INT_RX (1u << 1)
#define UART_INT_RX_OVERRUN (1u << 3)
#define UART0_RX_IRQn 0 /* AN386: UART0 receive; transmit is 1, the UARTs' overruns together 12 */

#define MPS2_NUM_IRQS 32

#endif /* TVMCRT_MPS2_REGS_H_ */
