/*
 * vectors.c — the STM32F405/407 vector table: the core exceptions (device/ports/cortex_m), every
 * interrupt to Default_Handler (a stray one resets the board), USART1 to its receive handler.
 */
#include "stm32f4_regs.h"
#include "tvmcrt_cortex_m_vectors.h"

void USART1_IRQHandler(void);

/* The table fills every interrupt with Default_Handler, then names the ones the port serves: a
 * later designated initializer overriding an earlier one is intended here. */
#pragma GCC diagnostic ignored "-Woverride-init"

#define STM32F4_NUM_IRQS 82 /* STM32F405/407: IRQ 0 (WWDG) .. 81 (FPU) */

/* Placed first in flash by the linker script (KEEP(*(.isr_vector))). */
__attribute__((section(".isr_vector"), used)) const tvmcrt_cm_vector_t tvmcrt_stm32f4_vectors[16 + STM32F4_NUM_IRQS] = {
    TVMCRT_CM_CORE_VECTORS,
    [16 + 0 ... 16 + STM32F4_NUM_IRQS - 1] = Default_Handler,
    [16 + USART1_IRQn] = USART1_IRQHandler,
};

/* Not loaded (.tvmcrt.board, cortex_m.ld.in): how launchers boot this image under emulation. */
__attribute__((section(".tvmcrt.board"), used)) const char tvmcrt_board_info[] =
    "board=netduinoplus2\nqemu_machine=netduinoplus2\nqemu_serial=0\n";
