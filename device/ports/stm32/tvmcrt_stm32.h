/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_stm32.h — what the STM32 family ports (device/ports/stm32f4, device/ports/stm32l4) share:
 * register access that a native test can replace, the GPIO block (the same on every STM32 since
 * the F2), the AHB/APB prescaler encodings, bounded waits on ready bits, and the sentences their
 * clock checks return. Plain C, no core code: tests/stm32f4 and tests/stm32l4 build it natively.
 * Depends on stm32_common.c.
 *
 * STM32_RD / STM32_WR: volatile accesses in firmware. Built with TVMCRT_STM32_FAKE_REGISTERS they
 * call tvmcrt_fake_reg_read/_write instead (tests/stm32f4/fake_registers.hpp): a register file that
 * records every write and answers ready bits.
 */
#ifndef TVMCRT_STM32_H_
#define TVMCRT_STM32_H_

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifdef TVMCRT_STM32_FAKE_REGISTERS
uint32_t tvmcrt_fake_reg_read(uint32_t addr);
void tvmcrt_fake_reg_write(uint32_t addr, uint32_t value);
#define STM32_RD(addr) tvmcrt_fake_reg_read(addr)
#define STM32_WR(addr, value) tvmcrt_fake_reg_write((addr), (value))
#else
#define STM32_RD(addr) (*(volatile uint32_t *)(uintptr_t)(addr))
#define STM32_WR(addr, value) (*(volatile uint32_t *)(uintptr_t)(addr) = (value))
#endif
#define STM32_SET(addr, bits) STM32_WR((addr), STM32_RD(addr) | (bits))

/* How many times a wait reads a ready bit before it gives up. Crystal start-up is about 2 ms
 * (datasheets: tSU(HSE)); at 4-16 MHz one poll takes well under a microsecond, so this allows over
 * 100 ms and still ends: under an emulator or with a missing part nothing can hang. */
#ifndef TVMCRT_STM32_CLOCK_POLLS
#define TVMCRT_STM32_CLOCK_POLLS 200000u
#endif

/* Reads `addr` until (value & mask) == want, at most TVMCRT_STM32_CLOCK_POLLS times. */
bool tvmcrt_stm32_wait(uint32_t addr, uint32_t mask, uint32_t want);

/*--------------------------------------------------------------------------------------------------
 * GPIO: MODER +0x00 (2 bits a pin, 10 = alternate function), PUPDR +0x0C (01 = pull-up), AFRL
 * +0x20 / AFRH +0x24 (4 bits a pin), the same block on every STM32 family here.
 *------------------------------------------------------------------------------------------------*/

typedef struct tvmcrt_stm32_pin {
  uint8_t port; /* 0 = GPIOA ... 8 = GPIOI */
  uint8_t pin;  /* 0..15 */
} tvmcrt_stm32_pin_t;

/* For the board_desc.c files: a macro's value as a string, two tokens pasted after expansion. */
#define TVMCRT_STR_(x) #x
#define TVMCRT_STR(x) TVMCRT_STR_(x)
#define TVMCRT_CAT_(a, b) a##b
#define TVMCRT_CAT(a, b) TVMCRT_CAT_(a, b)

/* TVMCRT_STM32_PIN(A, 2) is PA2, for board headers. */
#define TVMCRT_STM32_PIN(port, pin) {TVMCRT_STM32_PORT_##port, pin}
#define TVMCRT_STM32_PORT_A 0
#define TVMCRT_STM32_PORT_B 1
#define TVMCRT_STM32_PORT_C 2
#define TVMCRT_STM32_PORT_D 3
#define TVMCRT_STM32_PORT_E 4
#define TVMCRT_STM32_PORT_F 5
#define TVMCRT_STM32_PORT_G 6
#define TVMCRT_STM32_PORT_H 7
#define TVMCRT_STM32_PORT_I 8

/* One pin to alternate function `af` (the mode last: the pin leaves its reset state with its
 * function already chosen); `pull_up` for an input that may be left unconnected. `port_base` is
 * the pin's GPIO port. */
void tvmcrt_stm32_pin_to_af(uint32_t port_base, tvmcrt_stm32_pin_t pin, uint32_t af, bool pull_up);

/*--------------------------------------------------------------------------------------------------
 * RCC_CFGR prescaler fields, the same encoding on F4 and L4: HPRE 0xxx = /1, 1000 = /2 .. 1011 =
 * /16, 1100 = /64 .. 1111 = /512 (no /32); PPREx 0xx = /1, 100 = /2 .. 111 = /16.
 *------------------------------------------------------------------------------------------------*/

#define TVMCRT_STM32_BAD_DIVIDER 0xFFu
uint32_t tvmcrt_stm32_hpre_bits(uint32_t div); /* TVMCRT_STM32_BAD_DIVIDER when not one */
uint32_t tvmcrt_stm32_ppre_bits(uint32_t div);

/* (numerator / brr - baud) / baud in parts per million, where numerator / brr is the baud rate
 * the UART makes (a USART: its clock; an LPUART: 256 x its clock). */
int32_t tvmcrt_stm32_baud_error_ppm(uint64_t numerator, uint32_t brr, uint32_t baud);

/*--------------------------------------------------------------------------------------------------
 * The clock checks' sentences, written into one static buffer (the last one returned stays valid
 * until the next): each names the field, its value, the limit and the chip.
 *------------------------------------------------------------------------------------------------*/

/* "<what> <value> <rule> (<chip>)" */
const char *tvmcrt_stm32_complain(const char *chip, const char *what, uint32_t value, const char *rule);
/* "<what> <value><unit> is outside <lo>..<hi><unit> (<chip>)", NULL when lo <= value <= hi */
const char *tvmcrt_stm32_outside(const char *chip, const char *what, uint32_t value, uint32_t lo, uint32_t hi,
                                 const char *unit);
/* "<what> <value> Hz is above <max> Hz, <context> (<chip>)", NULL when value <= max */
const char *tvmcrt_stm32_above(const char *chip, const char *what, uint32_t value, uint32_t max, const char *context);

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_STM32_H_ */
