/*
 * tvmcrt_stm32f4.h — the STM32F4 port: USART1 with an interrupt-fed receive ring, SysTick as the
 * clock, and a tvmcrt_port_t for the agent. No vendor HAL; register level (stm32f4_regs.h).
 *
 * Runs unchanged on QEMU `-M netduinoplus2`, Renode `stm32f4_discovery` and STM32F4 silicon
 * (USART1 on PA9/PA10, 115200 8N1). docs/porting.md says how to move it to another board.
 * Depends on board.c, clock.c, uart.c and startup.c.
 */
#ifndef TVMCRT_STM32F4_H_
#define TVMCRT_STM32F4_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/* Enables clocks and pins (harmless where they are not emulated), starts SysTick and USART1 with its
 * receive interrupt. Call once, first thing in main(). Waits on no clock-ready bit. */
void tvmcrt_stm32f4_init(void);

/* Fills `port` with this board's functions, tick rate, boot id and platform name "stm32f4". */
void tvmcrt_stm32f4_port(tvmcrt_port_t *port);

/* USART1. read() never blocks and returns what the ring holds, up to `capacity`. write() blocks until
 * every byte has gone into the transmit data register. Main context only. */
size_t tvmcrt_stm32f4_uart_read(uint8_t *buf, size_t capacity);
bool tvmcrt_stm32f4_uart_write(const uint8_t *buf, size_t len);
void tvmcrt_stm32f4_uart_stats(tvmcrt_stm32f4_uart_stats_t *stats);

/* Free-running core-clock counter, wraps at 2^32 (SysTick's 24 bits extended in software). */
uint32_t tvmcrt_stm32f4_ticks(void);
/* Counts per second of tvmcrt_stm32f4_ticks(): TVMCRT_STM32F4_CORE_HZ on silicon,
 * TVMCRT_STM32F4_EMULATED_CORE_HZ when the RCC is not emulated (QEMU). */
uint32_t tvmcrt_stm32f4_tick_hz(void);
bool tvmcrt_stm32f4_emulated(void);
/* Different after every reset: a counter in no-init RAM mixed with the SysTick phase at boot. */
uint32_t tvmcrt_stm32f4_boot_id(void);

/* Resets the chip (SYSRESETREQ). QEMU restarts the image; the host sees a new boot_id. Also called
 * in interrupt context (fault handlers). */
void tvmcrt_stm32f4_reset(void) __attribute__((noreturn));

/* Private to the port: called by the start-up code and interrupt handlers. */
void tvmcrt_stm32f4_clock_init(void);
void tvmcrt_stm32f4_uart_init(void);
void tvmcrt_stm32f4_boot_id_mix(void);

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_STM32F4_H_ */
