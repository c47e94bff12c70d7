/*
 * tvmcrt_stm32f4.h — the STM32F4 port: USART1 with an interrupt-fed receive ring and a
 * tvmcrt_port_t for the agent, on the shared Cortex-M layer (device/ports/cortex_m: start-up, SysTick,
 * reset, the agent's main loop, the board functions tvmcrt_board_*()). No vendor HAL; register level
 * (stm32f4_regs.h).
 *
 * Runs unchanged on QEMU `-M netduinoplus2`, Renode `stm32f4_discovery` and STM32F4 silicon
 * (USART1 on PA9/PA10, 115200 8N1). docs/porting.md says how to move it to another board.
 * Depends on board.c, uart.c, vectors.c and device/ports/cortex_m.
 */
#ifndef TVMCRT_STM32F4_H_
#define TVMCRT_STM32F4_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tvmcrt_cortex_m.h"
#include "tvmcrt_port.h"

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

/* Core clock after reset on silicon: the 16 MHz HSI (this port does not start the PLL). Boards that
 * configure their own clock tree set this to their HCLK. */
#ifndef TVMCRT_STM32F4_CORE_HZ
#define TVMCRT_STM32F4_CORE_HZ 16000000u
#endif
/* Core clock QEMU's netduinoplus2 emulates (its SysTick counts at this rate of virtual time). */
#ifndef TVMCRT_STM32F4_EMULATED_CORE_HZ
#define TVMCRT_STM32F4_EMULATED_CORE_HZ 168000000u
#endif

#define TVMCRT_STM32F4_BAUD 115200u

typedef struct tvmcrt_stm32f4_uart_stats {
  uint32_t rx_bytes;     /* bytes received into the ring */
  uint32_t rx_dropped;   /* bytes lost because the ring was full */
  uint32_t rx_overruns;  /* USART overrun errors: a byte arrived before the interrupt ran */
} tvmcrt_stm32f4_uart_stats_t;

/* The board functions (tvmcrt_cortex_m.h): tvmcrt_board_init() enables clocks and pins (harmless
 * where they are not emulated), starts SysTick and USART1 with its receive interrupt;
 * tvmcrt_board_uart_read/_write() are USART1; the platform is "stm32f4" ("stm32f4-emulated" under
 * QEMU). USART1's counters, main context: */
void tvmcrt_stm32f4_uart_stats(tvmcrt_stm32f4_uart_stats_t *stats);

/* True when the RCC reads 0 (QEMU 7.2 does not emulate it): the tick rate is then
 * TVMCRT_STM32F4_EMULATED_CORE_HZ instead of TVMCRT_STM32F4_CORE_HZ. */
bool tvmcrt_stm32f4_emulated(void);

/* Private to the port. */
void tvmcrt_stm32f4_uart_init(void);

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_STM32F4_H_ */
