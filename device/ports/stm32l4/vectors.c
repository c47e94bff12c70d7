/* SPDX-License-Identifier: Apache-2.0 */
/*
 * vectors.c — the STM32L4+ vector table: the core exceptions (device/ports/cortex_m), every
 * interrupt to Default_Handler (a stray one resets the board), the UARTs a board may use to the one
 * receive handler.
 */
#include "stm32l4_regs.h"
#include "tvmcrt_cortex_m_vectors.h"

void UART_IRQHandler(void);

/* Every interrupt to Default_Handler, then the ones the port serves: a later designated initializer
 * overriding an earlier one is intended here. */
#pragma GCC diagnostic ignored "-Woverride-init"

/* RM0432's vector table for the L4R/L4S: IRQ 0 (WWDG) .. 94. */
#define STM32L4_NUM_IRQS 95

__attribute__((section(".isr_vector"), used)) const tvmcrt_cm_vector_t tvmcrt_stm32l4_vectors[16 + STM32L4_NUM_IRQS] = {
    TVMCRT_CM_CORE_VECTORS,
    [16 + 0 ... 16 + STM32L4_NUM_IRQS - 1] = Default_Handler,
    [16 + USART1_IRQn] = UART_IRQHandler,
    [16 + USART2_IRQn] = UART_IRQHandler,
    [16 + USART3_IRQn] = UART_IRQHandler,
    [16 + LPUART1_IRQn] = UART_IRQHandler,
};
