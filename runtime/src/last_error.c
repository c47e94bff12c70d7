/* SPDX-License-Identifier: Apache-2.0 */
/*
 * last_error.c — the runtime's last error: recorded as numbers (tvmcrt/tvmcrt_text.h), and with
 * TVMCRT_ERROR_TEXTS also written out for TVMGetLastError() by the small formatter here.
 *
 * No snprintf: newlib's pulls in 10+ KiB of flash on Cortex-M. The subset here is what error
 * messages need (names, sizes, codes); the device agent writes its texts with it too.
 */
#include <stdarg.h>
#include <string.h>

#include "tvm/runtime/c_runtime_api.h"
#include "tvmcrt/tvmcrt_error_texts.h"
#include "tvmcrt_internal.h"

static char last_error[TVMCRT_LAST_ERROR_SIZE];
static TVMCrtErrorText last_numbers;

int tvmcrt_model_message_set;

/*--------------------------------------------------------------------------------------------------
 * Recording and formatting (shared with the agent)
 *------------------------------------------------------------------------------------------------*/

void TVMCrtTextRecordV(TVMCrtErrorText *e, uint32_t code, uint32_t text, va_list ap) {
  uint32_t i, n = TVMCRT_TEXT_COUNT(text);
  e->code = code;
  e->text = text;
  for (i = 0; i < n && i < TVMCRT_TEXT_MAX_ARGS; i++) {
    if (TVMCRT_TEXT_KIND(text, i) == TVMCRT_TEXT_KIND_S) {
      e->args[i].s = va_arg(ap, const char *);
    } else {
      e->args[i].u = va_arg(ap, uint32_t);
    }
  }
}

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

static void put_unsigned(text_t *t, uint32_t v, unsigned base) {
  char digits[12];
  int n = 0;
  do {
    unsigned d = (unsigned)(v % base);
    digits[n++] = (char)(d < 10 ? '0' + d : 'a' + (d - 10));
    v /= base;
  } while (v != 0);
  while (n > 0) put_char(t, digits[--n]);
}

size_t TVMCrtTextFormat(char *buf, size_t cap, const char *fmt, const TVMCrtErrorText *e,
                        const char *(*name)(uint32_t)) {
  text_t t = {buf, cap, 0};
  uint32_t i = 0, n = TVMCRT_TEXT_COUNT(e->text);
  if (cap == 0) return 0;
  for (; *fmt != '\0'; fmt++) {
    TVMCrtTextArg arg;
    if (*fmt != '%') {
      put_char(&t, *fmt);
      continue;
    }
    fmt++;
    if (*fmt == '\0') break;
    if (*fmt == '%' || i >= n) { /* a conversion without an argument is written as it stands */
      put_char(&t, '%');
      if (*fmt != '%') put_char(&t, *fmt);
      continue;
    }
    arg = e->args[i];
    switch (*fmt) {
      case 's':
        if (TVMCRT_TEXT_KIND(e->text, i) == TVMCRT_TEXT_KIND_T) {
          put_str(&t, name != NULL ? name(arg.u) : "?");
        } else {
          put_str(&t, arg.s);
        }
        break;
      case 'u': put_unsigned(&t, arg.u, 10); break;
      case 'x': put_unsigned(&t, arg.u, 16); break;
      case 'd':
        if ((int32_t)arg.u < 0) {
          put_char(&t, '-');
          put_unsigned(&t, 0u - arg.u, 10);
        } else {
          put_unsigned(&t, arg.u, 10);
        }
        break;
      default: put_char(&t, '%'); put_char(&t, *fmt); continue;
    }
    i++;
  }
  buf[t.len] = '\0';
  return t.len;
}

/*--------------------------------------------------------------------------------------------------
 * The runtime's own
 *------------------------------------------------------------------------------------------------*/

static void record_v(int32_t code, uint32_t text, va_list ap) {
  TVMCrtTextRecordV(&last_numbers, (uint32_t)code, text, ap);
  if (tvmcrt_current_context != NULL && tvmcrt_run_error == 0) tvmcrt_run_error = code;
}

void tvmcrt_record(int32_t code, uint32_t text, ...) {
  va_list ap;
  va_start(ap, text);
  record_v(code, text, ap);
  va_end(ap);
}

#if TVMCRT_ERROR_TEXTS
int32_t tvmcrt_fail_text(int32_t code, uint32_t text, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  record_v(code, text, ap);
  va_end(ap);
  (void)TVMCrtTextFormat(last_error, sizeof last_error, fmt, &last_numbers, NULL);
  return code;
}

int32_t tvmcrt_fail_saying(const char *model, int32_t rc) {
  char reason[TVMCRT_LAST_ERROR_SIZE];
  size_t head;
  strcpy(reason, last_error);
  /* The sentence is written over the reason, so the record points at where the reason lands in
   * it (no second buffer): first the sentence up to it, then the whole. */
  (void)tvmcrt_fail(MODEL_FAILED_SAYING, model, (uint32_t)rc, "");
  head = strlen(last_error);
  (void)tvmcrt_fail(MODEL_FAILED_SAYING, model, (uint32_t)rc, reason);
  last_numbers.args[2].s = last_error + head;
  return kTVMCrtErrModelFailed;
}
#else /* the code is all there is to say here; tvmcrt-host writes the sentence from the numbers */
int32_t tvmcrt_fail_text(int32_t code, uint32_t text, ...) {
  text_t t = {last_error, sizeof last_error, 0};
  va_list ap;
  va_start(ap, text);
  record_v(code, text, ap);
  va_end(ap);
  put_str(&t, "tvmcrt error 0x");
  put_unsigned(&t, (uint32_t)code, 16);
  last_error[t.len] = '\0';
  return code;
}
#endif

const char *TVMGetLastError(void) { return last_error; }

const TVMCrtErrorText *TVMCrtLastErrorText(void) { return &last_numbers; }

void TVMAPISetLastError(const char *msg) {
  text_t t = {last_error, sizeof last_error, 0};
  put_str(&t, msg);
  last_error[t.len] = '\0';
  if (tvmcrt_current_context != NULL) tvmcrt_model_message_set = 1;
}
