/* SPDX-License-Identifier: Apache-2.0 */
/*
 * systick.c — the tick (a free-running 32-bit core-clock counter), the boot id, reset, interrupt
 * enables: the same on every Cortex-M (Armv7-M B3.3, B3.4, C1.8).
 *
 * Where the DWT cycle counter counts (silicon), the tick is DWT->CYCCNT: one count per core clock,
 * 32 bits, read in one load, no interrupt. Where it reads 0 (QEMU 7.2 has no DWT), the tick is
 * SysTick counting down from 2^24-1 at the core clock, its interrupt counting wraps, ticks() joining
 * the two. Either wraps at 2^32 (268 s at 16 MHz, 24 s at 180 MHz). SysTick runs in both cases: the
 * boot id mixes in its phase.
 */
#include "cortex_m_regs.h"
#include "tvmcrt/tvmcrt.h"
#include "tvmcrt_cortex_m.h"

#define SYSTICK_RELOAD 0x00FFFFFFu

static volatile uint32_t systick_wraps; /* written by SysTick_Handler only */
static uint32_t tick_hz;
static bool ticks_from_dwt;
static uint32_t boot_id;

/* Survives resets: the linker script leaves .noinit alone (NOLOAD, not zeroed). */
#define BOOT_MAGIC 0x7c7b6f6fu
static struct {
  uint32_t magic;
  uint32_t count;
} boot_record __attribute__((section(".noinit.boot")));

/* Also no-init, and global by this name for emulators: QEMU starts from zeroed RAM and, counting
 * instructions (-icount), runs the same every time, so tvmcrt-host's launcher writes 8 random bytes
 * here as the machine starts (host/lib/emulated_board.cpp), as RAM's power-up noise is on silicon.
 * QEMU writes them again at every reset of the machine: the boot counter above, which counts on,
 * still tells those resets apart. */
extern uint32_t tvmcrt_cm_boot_noise[2];
uint32_t tvmcrt_cm_boot_noise[2] __attribute__((section(".noinit.boot")));

void SysTick_Handler(void);

/* Interrupt context. */
void SysTick_Handler(void) {
  systick_wraps = systick_wraps + 1u;
}

uint32_t tvmcrt_cm_ticks(void) {
  if (ticks_from_dwt) return DWT_CYCCNT;
  uint32_t wraps, count, pending;
  /* The counter reloads a little before its interrupt runs (a few cycles on silicon, up to a whole
   * translation block under QEMU). A pending interrupt with a freshly reloaded count means a wrap
   * not yet counted; a count still near 0 means it was read before the wrap. */
  do {
    wraps = systick_wraps;
    count = SYST_CVR;
    pending = SCB_ICSR & SCB_ICSR_PENDSTSET;
  } while (wraps != systick_wraps);
  if (pending != 0u && count > SYSTICK_RELOAD / 2u) wraps++;
  return (wraps << 24) | (SYSTICK_RELOAD - count);
}

/* SysTick: until the next wrap (at most 2^24 ticks: 0.1 s at 168 MHz), so that a run shorter than
 * that never has the wrap interrupt inside it, where it would add its cycles to one operator on
 * some runs and not on others. (QEMU 7.2 still places SysTick's phase against the instruction count
 * differently on each launch, by less than one tick: readings then repeat to within one tick,
 * docs/profile.md.) DWT counts every cycle and never interrupts: nothing to align. */
void tvmcrt_cm_tick_sync(void) {
  if (ticks_from_dwt) return;
  uint32_t wraps = systick_wraps;
  while (systick_wraps == wraps) {
  }
}

uint32_t tvmcrt_cm_tick_hz(void) {
  return tick_hz;
}

const char *tvmcrt_cm_tick_source(void) {
  return ticks_from_dwt ? "the DWT cycle counter" : "SysTick";
}

/* Starts CYCCNT and keeps it when it moves: an implementation without one (NOCYCCNT), or an
 * emulator that reads the DWT as 0, leaves the tick on SysTick. */
static bool dwt_start(void) {
  DEMCR |= DEMCR_TRCENA;
  __asm volatile("dsb" ::: "memory");
  if ((DWT_CTRL & DWT_CTRL_NOCYCCNT) != 0) return false;
  DWT_CYCCNT = 0;
  DWT_CTRL |= DWT_CTRL_CYCCNTENA;
  uint32_t first = DWT_CYCCNT;
  __asm volatile("nop\n nop\n nop\n nop" ::: "memory");
  return DWT_CYCCNT != first;
}

uint32_t tvmcrt_cm_boot_id(void) {
  return boot_id;
}

static uint32_t mix32(uint32_t x) { /* a 32-bit finaliser (murmur3 fmix32) */
  x ^= x >> 16;
  x *= 0x85ebca6bu;
  x ^= x >> 13;
  x *= 0xc2b2ae35u;
  x ^= x >> 16;
  return x;
}

void tvmcrt_cm_systick_init(uint32_t core_hz) {
  tick_hz = core_hz;
  SCB_SHPR3 = (SCB_SHPR3 & 0x00FFFFFFu) | (0x80u << 24); /* below the UART, which must not wait */
  SYST_RVR = SYSTICK_RELOAD;
  SYST_CVR = 0;
  SYST_CSR = SYST_CSR_CLKSOURCE | SYST_CSR_TICKINT | SYST_CSR_ENABLE;
  ticks_from_dwt = dwt_start();

  /* On a cold start the record holds whatever the RAM powered up with; QEMU starts from zeros, so
   * the counter alone would repeat there. The SysTick phase after the UART set-up varies with host
   * timing in an emulator and with clock start-up on silicon. */
  if (boot_record.magic != BOOT_MAGIC) {
    boot_record.magic = BOOT_MAGIC;
    boot_record.count = mix32(boot_record.count);
  }
  boot_record.count++;
  boot_id = boot_record.count ^ mix32(tvmcrt_cm_boot_noise[0] ^ mix32(tvmcrt_cm_boot_noise[1]));
}

/* Called once interrupts run. How many loop passes fit in 20000 core clocks depends, in an emulator,
 * on host scheduling (QEMU starts every run from zeroed RAM, so the counter alone would repeat);
 * on silicon it is fixed but the no-init counter differs. */
void tvmcrt_cm_boot_id_mix(void) {
  uint32_t start = tvmcrt_cm_ticks();
  uint32_t passes = 0;
  while (tvmcrt_cm_ticks() - start < 20000u) passes++;
  boot_id = mix32(boot_id ^ mix32(passes ^ SYST_CVR));
  if (boot_id == 0) boot_id = 1; /* 0 reads as "unknown" */
}

void tvmcrt_cm_reset(void) {
  __asm volatile("dsb" ::: "memory");
  SCB_AIRCR = SCB_AIRCR_RESET;
  __asm volatile("dsb" ::: "memory");
  for (;;) {
  }
}

/* The runtime calls this after TVMPlatformAbort() recorded its error text (model code gave up or a
 * runtime invariant broke). Nothing can be trusted after that: reset, so the host sees a new boot. */
void TVMCrtPortAbort(int32_t error_code) {
  (void)error_code;
  tvmcrt_cm_reset();
}

void tvmcrt_cm_irq_enable(unsigned irq, uint8_t priority) {
  NVIC_IPR_BYTE(irq) = priority;
  NVIC_ISER(irq / 32u) = 1u << (irq % 32u);
}

size_t tvmcrt_cm_ring_read(tvmcrt_cm_ring_t *r, uint8_t *buf, size_t capacity) {
  uint32_t t = r->tail, mask = r->size - 1u;
  uint32_t available = r->head - t;
  size_t n = available < capacity ? available : capacity;
  /* At most two pieces: up to the end of the ring, then from its start. */
  size_t first = r->size - (t & mask);
  if (first > n) first = n;
  for (size_t i = 0; i < first; i++) buf[i] = r->buf[(t & mask) + i];
  for (size_t i = first; i < n; i++) buf[i] = r->buf[i - first];
  __asm volatile("" ::: "memory"); /* copied out before the interrupt may reuse the slots */
  r->tail = t + (uint32_t)n;
  return n;
}
