/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_cm_text.h — builds short texts (the platform line, check messages, the echo image's
 * status) into a caller's buffer without printf: newlib's snprintf would add kilobytes to every
 * image. Header only, plain C99, so native tests can use it too. A text that does not fit is cut,
 * always NUL-terminated.
 */
#ifndef TVMCRT_CM_TEXT_H_
#define TVMCRT_CM_TEXT_H_

#include <stddef.h>
#include <stdint.h>

typedef struct tvmcrt_cm_text {
  char *buf;      /* the caller's, `cap` bytes */
  size_t cap;
  size_t len;     /* characters so far, without the NUL */
} tvmcrt_cm_text_t;

static inline tvmcrt_cm_text_t tvmcrt_cm_text(char *buf, size_t cap) {
  tvmcrt_cm_text_t t = {buf, cap, 0};
  if (cap != 0) buf[0] = '\0';
  return t;
}

static inline void tvmcrt_cm_text_str(tvmcrt_cm_text_t *t, const char *s) {
  while (*s != '\0' && t->len + 1 < t->cap) t->buf[t->len++] = *s++;
  if (t->cap != 0) t->buf[t->len] = '\0';
}

/* `v` in `base` (10 or 16, lower case, no prefix). */
static inline void tvmcrt_cm_text_uint(tvmcrt_cm_text_t *t, uint32_t v, uint32_t base) {
  char digits[11];
  size_t n = sizeof digits - 1;
  digits[n] = '\0';
  do {
    digits[--n] = "0123456789abcdef"[v % base];
    v /= base;
  } while (v != 0);
  tvmcrt_cm_text_str(t, &digits[n]);
}

/* A frequency in Hz as "168 MHz", "44.1 MHz" (one decimal when it is not whole), or "32768 Hz". */
static inline void tvmcrt_cm_text_hz(tvmcrt_cm_text_t *t, uint32_t hz) {
  if (hz < 1000000u) {
    tvmcrt_cm_text_uint(t, hz, 10);
    tvmcrt_cm_text_str(t, " Hz");
    return;
  }
  tvmcrt_cm_text_uint(t, hz / 1000000u, 10);
  uint32_t tenth = (hz % 1000000u) / 100000u;
  if (tenth != 0) {
    tvmcrt_cm_text_str(t, ".");
    tvmcrt_cm_text_uint(t, tenth, 10);
  }
  tvmcrt_cm_text_str(t, " MHz");
}

#endif /* TVMCRT_CM_TEXT_H_ */
