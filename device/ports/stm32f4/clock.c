/*
 * clock.c — SysTick as a free-running 32-bit core-clock counter, and the boot id.
 *
 * SysTick counts down from 2^24-1 at the core clock; its interrupt counts wraps, and ticks() joins
 * the two into a counter that wraps at 2^32 (268 s at 16 MHz, 25 s at 168 MHz). Resolution is one
 * core clock. DWT->CYCCNT would be simpler but reads 0 under QEMU.
 */
#include "stm32f4_regs.h"
#include "tvmcrt_stm32f4.h"

#define SYSTICK_RELOAD 0x00FFFFFFu

static volatile uint32_t systick_wraps; /* written by SysTick_Handler only */
static uint32_t tick_hz;
static uint32_t boot_id;

/* Survives resets: the linker script leaves .noinit alone (NOLOAD, not zeroed). */
#define BOOT_MAGIC 0x7c7b6f6fu
static struct {
  uint32_t magic;
  uint32_t count;
} boot_record __attribute__((section(".noinit.boot")));

void SysTick_Handler(void);

/* Interrupt context. */
void SysTick_Handler(void) {
  systick_wraps = systick_wraps + 1u;
}

bool tvmcrt_stm32f4_emulated(void) {
  return (RCC_CR & RCC_CR_HSIRDY) == 0u;
}

uint32_t tvmcrt_stm32f4_ticks(void) {
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

uint32_t tvmcrt_stm32f4_tick_hz(void) {
  return tick_hz;
}

uint32_t tvmcrt_stm32f4_boot_id(void) {
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

void tvmcrt_stm32f4_clock_init(void) {
  tick_hz = tvmcrt_stm32f4_emulated() ? TVMCRT_STM32F4_EMULATED_CORE_HZ : TVMCRT_STM32F4_CORE_HZ;
  SCB_SHPR3 = (SCB_SHPR3 & 0x00FFFFFFu) | (0x80u << 24); /* below USART1, which must not wait */
  SYST_RVR = SYSTICK_RELOAD;
  SYST_CVR = 0;
  SYST_CSR = SYST_CSR_CLKSOURCE | SYST_CSR_TICKINT | SYST_CSR_ENABLE;

  /* On a cold start the record holds whatever the RAM powered up with; QEMU starts from zeros, so
   * the counter alone would repeat there. The SysTick phase after the UART set-up varies with host
   * timing in an emulator and with clock start-up on silicon. */
  if (boot_record.magic != BOOT_MAGIC) {
    boot_record.magic = BOOT_MAGIC;
    boot_record.count = mix32(boot_record.count);
  }
  boot_record.count++;
  boot_id = boot_record.count;
}

/* Called once interrupts run. How many loop passes fit in 20000 core clocks depends, in an emulator,
 * on host scheduling (QEMU starts every run from zeroed RAM, so the counter alone would repeat);
 * on silicon it is fixed but the no-init counter differs. */
void tvmcrt_stm32f4_boot_id_mix(void) {
  uint32_t start = tvmcrt_stm32f4_ticks();
  uint32_t passes = 0;
  while (tvmcrt_stm32f4_ticks() - start < 20000u) passes++;
  boot_id = mix32(boot_id ^ mix32(passes ^ SYST_CVR));
  if (boot_id == 0) boot_id = 1; /* 0 reads as "unknown" */
}
