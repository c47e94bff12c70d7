/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_cortex_m_vectors.h — for a port's vectors.c: the core exception handlers (startup.c,
 * systick.c) and the first 16 entries of every Cortex-M vector table.
 *
 *   __attribute__((section(".isr_vector"), used)) const tvmcrt_cm_vector_t vectors[16 + N] = {
 *       TVMCRT_CM_CORE_VECTORS,
 *       [16 + 0 ... 16 + N - 1] = Default_Handler,
 *       [16 + UART_IRQn] = UART_IRQHandler,   // later designated initializers win (-Woverride-init)
 *   };
 */
#ifndef TVMCRT_CORTEX_M_VECTORS_H_
#define TVMCRT_CORTEX_M_VECTORS_H_

#include <stdint.h>

typedef void (*tvmcrt_cm_vector_t)(void);

extern uint32_t _estack[];
void Reset_Handler(void);
void Default_Handler(void);
void NMI_Handler(void);
void HardFault_Handler(void);
void MemManage_Handler(void);
void BusFault_Handler(void);
void UsageFault_Handler(void);
void SVC_Handler(void);
void DebugMon_Handler(void);
void PendSV_Handler(void);
void SysTick_Handler(void);

#define TVMCRT_CM_CORE_VECTORS                                                             \
  [0] = (tvmcrt_cm_vector_t)(uintptr_t)_estack, [1] = Reset_Handler, [2] = NMI_Handler,    \
  [3] = HardFault_Handler, [4] = MemManage_Handler, [5] = BusFault_Handler,                \
  [6] = UsageFault_Handler, [11] = SVC_Handler, [12] = DebugMon_Handler,                   \
  [14] = PendSV_Handler, [15] = SysTick_Handler

#endif /* TVMCRT_CORTEX_M_VECTORS_H_ */
