/* SPDX-License-Identifier: Apache-2.0 */
/*
 * vectors.c — the MPS2 AN386 vector table: the core exceptions (device/ports/cortex_m), every
 * interrupt to Default_Handler (a stray one resets the board), UART0 receive to its handler. Also
 * the image's board description for launchers.
 */
#include "mps2_regs.h"
#include "tvmcrt_cortex_m_vectors.h"

void UART0RX_IRQHandler(void);

/* Every interrupt to Default_Handler, then the one the port serves: a later designated initializer
 * overriding an earlier one is intended here. */
#pragma GCC diagnostic ignored "-Woverride-init"

/* Placed first in code memory by the linker script (KEEP(*(.isr_vector))); VTOR is 0 at reset. */
__attribute__((section(".isr_vector"), used)) const tvmcrt_cm_vector_t tvmcrt_mps2_vectors[16 + MPS2_NUM_IRQS] = {
    TVMCRT_CM_CORE_VECTORS,
    [16 + 0 ... 16 + MPS2_NUM_IRQS - 1] = Default_Handler,
    [16 + UART0_RX_IRQn] = UART0RX_IRQHandler,
};

/* Not loaded (.tvmcrt.board, cortex_m.ld.in): how launchers boot this image under emulation. UART0
 * is QEMU's first -serial; the NIC keeps QEMU 7.2's main loop polling the UART (restrict=on: no
 * traffic leaves the guest). */
__attribute__((section(".tvmcrt.board"), used)) const char tvmcrt_board_info[] =
    "board=mps2_an386\nqemu_machine=mps2-an386\nqemu_serial=0\nqemu_args=-nic user,model=lan9118,restrict=on\n";
