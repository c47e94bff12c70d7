/*
 * tvmcrt_text.h — the printf subset that error texts are written with, on the device and in the
 * runtime alike: no snprintf, whose newlib version costs 10+ KiB of flash on Cortex-M.
 * Depends on runtime/src/last_error.c.
 */
#ifndef TVMCRT_TEXT_H_
#define TVMCRT_TEXT_H_

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Writes fmt into buf (cap bytes, NUL included; nothing when cap is 0), cutting what does not fit,
 * and returns the length written. Conversions: %s (NULL prints "(null)"), %d (int32_t),
 * %u and %x (uint32_t: cast every argument, varargs do not convert), %zu (size_t), %%. */
size_t TVMCrtFormatV(char *buf, size_t cap, const char *fmt, va_list ap);

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_TEXT_H_ */
