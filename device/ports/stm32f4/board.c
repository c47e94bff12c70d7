/*
 * board.c — bring-up and the board functions (tvmcrt_cortex_m.h) of STM32F4 boards with USART1 on
 * PA9/PA10.
 *
 * The chip runs from its reset clock (16 MHz HSI). Peripheral clocks and pin functions are written
 * unconditionally: silicon needs them, QEMU 7.2 does not emulate RCC/GPIO and ignores the writes.
 * Nothing here waits on a ready bit, which would hang under QEMU (its RCC reads 0).
 */
#include "stm32f4_regs.h"
#include "tvmcrt_stm32f4.h"

static void pins_init(void) {
  RCC_AHB1ENR |= RCC_AHB1ENR_GPIOAEN;
  RCC_APB2ENR |= RCC_APB2ENR_USART1EN;
  (void)RCC_APB2ENR; /* RM0090 2.2.4: two cycles before the enabled peripheral may be accessed */
  GPIOA_MODER = (GPIOA_MODER & ~((3u << 18) | (3u << 20))) | (GPIO_MODE_AF << 18) | (GPIO_MODE_AF << 20);
  GPIOA_AFRH = (GPIOA_AFRH & ~((0xFu << 4) | (0xFu << 8))) | (7u << 4) | (7u << 8); /* AF7 = USART1 */
}

bool tvmcrt_stm32f4_emulated(void) {
  return (RCC_CR & RCC_CR_HSIRDY) == 0u;
}

void tvmcrt_board_init(void) {
  pins_init();
  tvmcrt_cm_systick_init(tvmcrt_stm32f4_emulated() ? TVMCRT_STM32F4_EMULATED_CORE_HZ : TVMCRT_STM32F4_CORE_HZ);
  tvmcrt_stm32f4_uart_init();
  __asm volatile("cpsie i" ::: "memory");
  tvmcrt_cm_boot_id_mix();
}

uint32_t tvmcrt_board_rx_lost(void) {
  tvmcrt_stm32f4_uart_stats_t st;
  tvmcrt_stm32f4_uart_stats(&st);
  return st.rx_dropped + st.rx_overruns;
}

const char *tvmcrt_board_platform(void) {
  return tvmcrt_stm32f4_emulated() ? "stm32f4-emulated" : "stm32f4";
}
