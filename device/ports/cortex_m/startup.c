/* SPDX-License-Identifier: Apache-2.0 */
/*
 * startup.c — reset handler and fault handling shared by the Cortex-M ports, in C.
 *
 * Reset: enable the FPU (images are built -mfloat-abi=hard, so any float instruction before this
 * faults), copy .data from flash, zero .bss, run constructors, call main(). Sections named
 * .bss.noinit.tvm / .noinit (model workspaces, the boot record) are left as they are: zeroing
 * 100+ KB of arena would only cost boot time. Symbols come from cortex_m.ld.in. Each port's
 * vectors.c puts these handlers in its vector table (TVMCRT_CM_CORE_VECTORS).
 */
#include <stdint.h>

#include "cortex_m_regs.h"
#include "tvmcrt_cortex_m.h"
#include "tvmcrt_cortex_m_vectors.h"

extern uint32_t _sidata[], _sdata[], _edata[], _sbss[], _ebss[];
typedef void (*init_fn_t)(void);
extern init_fn_t __preinit_array_start[], __preinit_array_end[], __init_array_start[], __init_array_end[];
extern int main(void);

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
  tvmcrt_cm_reset();
}

/* Interrupt context. A fault or a stray interrupt resets the board rather than hanging it: the host
 * then sees a new boot_id and reports a reset instead of a time-out. */
void Default_Handler(void) {
  tvmcrt_cm_reset();
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
