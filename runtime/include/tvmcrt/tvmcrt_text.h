/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_text.h — error texts as numbers (deferred formatting, as Rust's defmt and Zephyr's
 * dictionary logging do it). An error is recorded as the number of its sentence in a table and the
 * values of the sentence's conversions. The sentence is written only when someone reads it: by
 * TVMGetLastError() on the device when the runtime keeps its texts (TVMCRT_ERROR_TEXTS), or by
 * tvmcrt-host from the numbers the agent sends, so firmware need not carry the sentences at all.
 * Tables: the runtime's in tvmcrt/tvmcrt_error_texts.h, the agent's in proto/errors. Depends on
 * runtime/src/last_error.c.
 *
 * A table row is a macro holding (code, number, arguments, "format"); `arguments` is TVMCRT_TEXT_ARGS<n>(...)
 * with one kind per conversion of the format, in order: U for %u %d %x (a uint32_t; an int32_t
 * passes as its bits), S for %s (a const char *, recorded as the pointer: it must outlive the
 * record), T for a %s the reader writes from a number (the agent's request type names, which the
 * device then need not store). The format is the runtime's printf subset: %s %u %d %x %%.
 */
#ifndef TVMCRT_TEXT_H_
#define TVMCRT_TEXT_H_

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TVMCRT_TEXT_KIND_U 0u
#define TVMCRT_TEXT_KIND_S 1u
#define TVMCRT_TEXT_KIND_T 2u
#define TVMCRT_TEXT_MAX_ARGS 6

/* A text's number (bits 0-7), its argument count (8-11) and the kind of argument i (two bits at
 * 12 + 2i), in one constant: what a call site passes, and what goes on the wire. */
#define TVMCRT_TEXT_K_(kind, i) (TVMCRT_TEXT_KIND_##kind << (12 + 2 * (i)))
#define TVMCRT_TEXT_ARGS0() 0u
#define TVMCRT_TEXT_ARGS1(a) (1u << 8 | TVMCRT_TEXT_K_(a, 0))
#define TVMCRT_TEXT_ARGS2(a, b) (2u << 8 | TVMCRT_TEXT_K_(a, 0) | TVMCRT_TEXT_K_(b, 1))
#define TVMCRT_TEXT_ARGS3(a, b, c) (3u << 8 | TVMCRT_TEXT_K_(a, 0) | TVMCRT_TEXT_K_(b, 1) | TVMCRT_TEXT_K_(c, 2))
#define TVMCRT_TEXT_ARGS4(a, b, c, d) \
  (4u << 8 | TVMCRT_TEXT_K_(a, 0) | TVMCRT_TEXT_K_(b, 1) | TVMCRT_TEXT_K_(c, 2) | TVMCRT_TEXT_K_(d, 3))
#define TVMCRT_TEXT_ARGS5(a, b, c, d, e)                                                          \
  (5u << 8 | TVMCRT_TEXT_K_(a, 0) | TVMCRT_TEXT_K_(b, 1) | TVMCRT_TEXT_K_(c, 2) | TVMCRT_TEXT_K_(d, 3) | \
   TVMCRT_TEXT_K_(e, 4))
#define TVMCRT_TEXT_ARGS6(a, b, c, d, e, f)                                                       \
  (6u << 8 | TVMCRT_TEXT_K_(a, 0) | TVMCRT_TEXT_K_(b, 1) | TVMCRT_TEXT_K_(c, 2) | TVMCRT_TEXT_K_(d, 3) | \
   TVMCRT_TEXT_K_(e, 4) | TVMCRT_TEXT_K_(f, 5))

/* A row's parts. */
#define TVMCRT_TEXT_CODE(row) TVMCRT_TEXT_CODE_ row
#define TVMCRT_TEXT_ID(row) TVMCRT_TEXT_ID_ row
#define TVMCRT_TEXT_FMT(row) TVMCRT_TEXT_FMT_ row
#define TVMCRT_TEXT_CODE_(code, number, args, fmt) (code)
#define TVMCRT_TEXT_ID_(code, number, args, fmt) ((uint32_t)(number) | (args))
#define TVMCRT_TEXT_FMT_(code, number, args, fmt) fmt

#define TVMCRT_TEXT_NUMBER(text) ((text) & 0xFFu)
#define TVMCRT_TEXT_COUNT(text) (((text) >> 8) & 0xFu)
#define TVMCRT_TEXT_KIND(text, i) (((text) >> (12 + 2 * (i))) & 3u)

typedef union TVMCrtTextArg {
  uint32_t u;     /* U and T */
  const char *s;  /* S */
} TVMCrtTextArg;

/* One error, as numbers. */
typedef struct TVMCrtErrorText {
  uint32_t code;  /* the error code (tvmcrt_errors.h, tvmcrt_agent_errors.h) */
  uint32_t text;  /* number and argument kinds as above; 0: no text recorded */
  TVMCrtTextArg args[TVMCRT_TEXT_MAX_ARGS];
} TVMCrtErrorText;

/* Fills e with code, text and text's arguments, taken from ap by their kinds. */
void TVMCrtTextRecordV(TVMCrtErrorText *e, uint32_t code, uint32_t text, va_list ap);

/* Writes e's sentence from fmt into buf (cap bytes, NUL included; nothing when cap is 0), cutting
 * what does not fit, and returns the length written. %s takes the next S argument (NULL writes
 * "(null)") or writes the next T argument through name() ("?" without one); %u, %d and %x the next
 * U argument. */
size_t TVMCrtTextFormat(char *buf, size_t cap, const char *fmt, const TVMCrtErrorText *e,
                        const char *(*name)(uint32_t));

/* The runtime's last error as numbers: what TVMGetLastError() says, for a reader elsewhere (the
 * agent sends it to the host). Its strings point into the model descriptors and the runtime. */
const TVMCrtErrorText *TVMCrtLastErrorText(void);

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_TEXT_H_ */
