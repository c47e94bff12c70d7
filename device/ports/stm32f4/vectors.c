/* SPDX-License-Identifier: Apache-2.0 */
/*
 * vectors.c — the STM32F4 vector table, one for every board: the core exceptions
 * (device/ports/cortex_m), every interrupt to Default_Handler (a stray one resets the board), and
 * the USARTs a board may use (1, 2, 3, 6) to the one receive handler, which serves the board's.
 */
#include "stm32f4_regs.h"
#include "tvmcrt_cortex_m_vectors.h"

void USART_IRQHandler(void);

/* The table fills every interrupt with Default_Handler, then names the ones the port serves: a
 * later designated initializer overriding an earlier one is intended here. */
#pragma GCC diagnostic ignored "-Woverride-init"

/* The longest F4 table among the boards' chips: the F446's IRQ 0 (WWDG) .. 96 (FMPI2C1 error).
 * The F401's ends at 84, the F405/407's at 81, the F411's at 85, the F42x's at 90; entries past a
 * chip's last are never fetched. */
#define STM32F4_NUM_IRQS 97

/* Placed first in flash by the linker script (KEEP(*(.isr_vector))). */
__attribute__((section(".isr_vector"), used)) const tvmcrt_cm_vector_t tvmcrt_stm32f4_vectors[16 + STM32F4_NUM_IRQS] = {
    TVMCRT_CM_CORE_VECTORS,
    [16 + 0 ... 16 + STM32F4_NUM_IRQS - 1] = Default_Handler,
    [16 + USART1_IRQn] = USART_IRQHandler,
    [16 + USART2_IRQn] = USART_IRQHandler,
    [16 + USART3_IRQn] = USART_IRQHandler,
    [16 + USART6_IRQn] = USART_IRQHandler,
};
