/* SPDX-License-Identifier: Apache-2.0 */
/*
 * cortex_m_regs.h — the Cortex-M system registers the bare-metal ports touch (SysTick, SCB, NVIC,
 * DWT), at the addresses the Armv7-M Architecture Reference Manual gives every implementation.
 * Private to device/ports/cortex_m and the ports built on it.
 */
#ifndef TVMCRT_CORTEX_M_REGS_H_
#define TVMCRT_CORTEX_M_REGS_H_

#include <stdint.h>

#define CM_REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

#define SYST_CSR CM_REG(0xE000E010u)
#define SYST_RVR CM_REG(0xE000E014u)
#define SYST_CVR CM_REG(0xE000E018u)
#define SYST_CSR_ENABLE (1u << 0)
#define SYST_CSR_TICKINT (1u << 1)
#define SYST_CSR_CLKSOURCE (1u << 2) /* 1 = processor clock */
#define NVIC_ISER(n) CM_REG(0xE000E100u + 4u * (n))
#define NVIC_IPR_BYTE(irq) (*(volatile uint8_t *)(uintptr_t)(0xE000E400u + (irq)))
#define SCB_CPACR CM_REG(0xE000ED88u)
#define SCB_ICSR CM_REG(0xE000ED04u)
#define SCB_ICSR_PENDSTSET (1u << 26)
#define SCB_AIRCR CM_REG(0xE000ED0Cu)
#define SCB_AIRCR_RESET (0x05FAu << 16 | (1u << 2)) /* VECTKEY | SYSRESETREQ */
#define SCB_SHPR3 CM_REG(0xE000ED20u)               /* SysTick priority in bits 31..24 */
/* The cycle counter (Armv7-M C1.6 "Debug Exception and Monitor Control Register", C1.8 "Data
 * Watchpoint and Trace unit"): DEMCR.TRCENA powers the DWT, DWT_CTRL.CYCCNTENA starts CYCCNT.
 * NOCYCCNT reads 1 where the implementation has none; QEMU 7.2 reads the whole DWT as 0. */
#define DEMCR CM_REG(0xE000EDFCu)
#define DEMCR_TRCENA (1u << 24)
#define DWT_CTRL CM_REG(0xE0001000u)
#define DWT_CTRL_CYCCNTENA (1u << 0)
#define DWT_CTRL_NOCYCCNT (1u << 25)
#define DWT_CYCCNT CM_REG(0xE0001004u)

#endif /* TVMCRT_CORTEX_M_REGS_H_ */
