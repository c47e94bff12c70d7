/*
 * startup.c — vector table and reset handler for STM32F4 (Cortex-M4F), in C.
 *
 * Reset: enable the FPU (the image is built -mfloat-abi=hard, so any float instruction before this
 * faults), copy .data from flash, zero .bss, run constructors, call main(). Sections named
 * .bss.noinit.tvm / .noinit (model workspaces, the boot counter) are left as they are: zeroing
 * 100+ KB of arena would only cost boot time. Symbols come from stm32f4.ld.in.
 */
#include <stdint.h>

#include "stm32f4_regs.h"
#include "tvmcrt_stm32f4.h"

extern uint32_t _sidata[], _sdata[], _edata[], _sbss[], _ebss[], _estack[];
typedef void (*init_fn_t)(void);
extern init_fn_t __preinit_array_start[], __preinit_array_end[], __init_array_start[], __init_array_end[];
extern int main(void);

void Reset_Handler(void);
void Default_Handler(void);
void SysTick_Handler(void);
void USART1_IRQHandler(void);

void Reset_Handler(void) {
  SCB_CPACR |= (0xFu << 20); /* CP10 and CP11 full access */
  __asm volatile("dsb\n isb" ::: "memory");
  for (uint32_t *src = _sidata, *dst = _sdata; dst < _edata;) *dst++ = *src++;
  for (uint32_t *dst = _sbss; dst < _ebss;) *dst++ = 0;
  /* Constructors (C has none of its own; libraries may). Not __libc_init_array: that needs crti's
   * _init, which -nostartfiles leaves out. */
  for (init_fn_t *fn = __preinit_array_start; fn < __preinit_array_end; fn++) (*fn)();
  for (init_fn_t *fn = __init_array_start; fn < __init_array_end; fn++) (*fn)();
  (void)main();
  tvmcrt_stm32f4_reset();
}

/* Interrupt context. A fault or a stray interrupt resets the board rather than hanging it: the host
 * then sees a new boot_id and reports a reset instead of a time-out. */
void Default_Handler(void) {
  tvmcrt_stm32f4_reset();
}

/* Weak aliases so a board or test can take any of these over. */
#define TVMCRT_WEAK_HANDLER(name) void name(void) __attribute__((weak, alias("Default_Handler")))
TVMCRT_WEAK_HANDLER(NMI_Handler);
TVMCRT_WEAK_HANDLER(HardFault_Handler);
TVMCRT_WEAK_HANDLER(MemManage_Handler);
TVMCRT_WEAK_HANDLER(BusFault_Handler);
TVMCRT_WEAK_HANDLER(UsageFault_Handler);
TVMCRT_WEAK_HANDLER(SVC_Handler);
TVMCRT_WEAK_HANDLER(DebugMon_Handler);
TVMCRT_WEAK_HANDLER(PendSV_Handler);

typedef void (*vector_t)(void);

/* The table fills every interrupt with Default_Handler, then names the ones the port serves: a
 * later designated initializer overriding an earlier one is intended here. */
#pragma GCC diagnostic ignored "-Woverride-init"

#define STM32F4_NUM_IRQS 82 /* STM32F405/407: IRQ 0 (WWDG) .. 81 (FPU) */

/* Placed first in flash by the linker script (KEEP(*(.isr_vector))). */
__attribute__((section(".isr_vector"), used)) const vector_t tvmcrt_stm32f4_vectors[16 + STM32F4_NUM_IRQS] = {
    [0] = (vector_t)(uintptr_t)_estack,
    [1] = Reset_Handler,
    [2] = NMI_Handler,
    [3] = HardFault_Handler,
    [4] = MemManage_Handler,
    [5] = BusFault_Handler,
    [6] = UsageFault_Handler,
    [11] = SVC_Handler,
    [12] = DebugMon_Handler,
    [14] = PendSV_Handler,
    [15] = SysTick_Handler,
    [16 + 0 ... 16 + STM32F4_NUM_IRQS - 1] = Default_Handler,
    [16 + USART1_IRQn] = USART1_IRQHandler,
};
