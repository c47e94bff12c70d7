/*
 * last_error.c — the TVMGetLastError() text and the small formatter that writes it.
 *
 * No snprintf: newlib's pulls in 10+ KiB of flash on Cortex-M. The subset here is what error
 * messages need (names, sizes, codes); the device agent writes its texts with it too
 * (tvmcrt/tvmcrt_text.h).
 */
#include <stdarg.h>
#include <string.h>

#include "tvm/runtime/c_runtime_api.h"
#include "tvmcrt/tvmcrt_text.h"
#include "tvmcrt_internal.h"

static char last_error[TVMCRT_LAST_ERROR_SIZE];

int tvmcrt_model_message_set;

typedef struct {
  char *buf;
  size_t cap; /* including the NUL */
  size_t len;
} text_t;

static void put_char(text_t *t, char c) {
  if (t->len + 1 < t->cap) t->buf[t->len++] = c;
}

static void put_str(text_t *t, const char *s) {
  if (s == NULL) s = "(null)";
  while (*s != '\0') put_char(t, *s++);
}

static void put_unsigned(text_t *t, size_t v, unsigned base) {
  char digits[24];
  int n = 0;
  do {
    unsigned d = (unsigned)(v % base);
    digits[n++] = (char)(d < 10 ? '0' + d : 'a' + (d - 10));
    v /= base;
  } while (v != 0 && n < (int)sizeof digits);
  while (n > 0) put_char(t, digits[--n]);
}

static void format(text_t *t, const char *fmt, va_list ap) {
  for (; *fmt != '\0'; fmt++) {
    if (*fmt != '%') {
      put_char(t, *fmt);
      continue;
    }
    fmt++;
    switch (*fmt) {
      case 's': put_str(t, va_arg(ap, const char *)); break;
      case 'u': put_unsigned(t, va_arg(ap, uint32_t), 10); break;
      case 'x': put_unsigned(t, va_arg(ap, uint32_t), 16); break;
      case 'd': {
        int32_t v = va_arg(ap, int32_t);
        if (v < 0) {
          put_char(t, '-');
          put_unsigned(t, (size_t)(-(int64_t)v), 10);
        } else {
          put_unsigned(t, (size_t)v, 10);
        }
        break;
      }
      case 'z':
        if (fmt[1] == 'u') {
          fmt++;
          put_unsigned(t, va_arg(ap, size_t), 10);
        }
        break;
      case '%': put_char(t, '%'); break;
      case '\0': return;
      default: put_char(t, '%'); put_char(t, *fmt); break;
    }
  }
}

size_t TVMCrtFormatV(char *buf, size_t cap, const char *fmt, va_list ap) {
  text_t t = {buf, cap, 0};
  if (cap == 0) return 0;
  format(&t, fmt, ap);
  buf[t.len] = '\0';
  return t.len;
}

int32_t tvmcrt_fail_text(int32_t code, const char *fmt, ...) {
#if TVMCRT_ERROR_TEXTS
  va_list ap;
  va_start(ap, fmt);
  (void)TVMCrtFormatV(last_error, sizeof last_error, fmt, ap);
  va_end(ap);
#else /* the code is all there is to say */
  text_t t = {last_error, sizeof last_error, 0};
  (void)fmt;
  put_str(&t, "tvmcrt error 0x");
  put_unsigned(&t, (uint32_t)code, 16);
  last_error[t.len] = '\0';
#endif
  if (tvmcrt_current_context != NULL && tvmcrt_run_error == 0) tvmcrt_run_error = code;
  return code;
}

const char *TVMGetLastError(void) { return last_error; }

void TVMAPISetLastError(const char *msg) {
  text_t t = {last_error, sizeof last_error, 0};
  put_str(&t, msg);
  last_error[t.len] = '\0';
  if (tvmcrt_current_context != NULL) tvmcrt_model_message_set = 1;
}
