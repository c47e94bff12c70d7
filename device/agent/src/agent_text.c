/*
 * agent_text.c — error texts without printf (which would cost kilobytes of flash), and the last
 * error the agent reported.
 */
#include <stdarg.h>
#include <string.h>

#include "agent_internal.h"

typedef struct {
  char *buf;
  size_t cap;  /* NUL included */
  size_t len;
} text_t;

static void text_char(text_t *t, char c) {
  if (t->len + 1 < t->cap) t->buf[t->len++] = c;
}

static void text_str(text_t *t, const char *s) {
  while (*s != '\0') text_char(t, *s++);
}

static void text_uint(text_t *t, uint32_t v) {
  char digits[10];
  size_t n = 0;
  do {
    digits[n++] = (char)('0' + v % 10u);
    v /= 10u;
  } while (v != 0);
  while (n > 0) text_char(t, digits[--n]);
}

uint32_t agent_fail_text(tvmcrt_agent_t *a, uint32_t code, uint32_t model, const char *fmt, ...) {
  text_t t = {a->last_text, sizeof a->last_text, 0};
  va_list ap;
  a->last_code = code;
  a->last_model = model;
  va_start(ap, fmt);
  for (; *fmt != '\0'; fmt++) {
    if (fmt[0] == '%' && fmt[1] == 'u') {
      text_uint(&t, va_arg(ap, uint32_t));
      fmt++;
    } else if (fmt[0] == '%' && fmt[1] == 's') {
      const char *s = va_arg(ap, const char *);
      text_str(&t, s != NULL ? s : "?");
      fmt++;
    } else {
      text_char(&t, *fmt);
    }
  }
  va_end(ap);
  t.buf[t.len] = '\0';
  return code;
}

void agent_status(const tvmcrt_agent_t *a, tvmcrt_wire_Status *status, uint32_t code) {
  memset(status, 0, sizeof *status);
  status->boot_id = a->port->boot_id;
  status->code = code;
  if (code != 0) {
    /* The whole text, encoded straight from last_text: no copy, no length cap. */
    status->detail.funcs.encode = agent_encode_cstring;
    status->detail.arg = AGENT_ARG(a->last_text);
  }
}

const char *tvmcrt_agent_last_error_text(const tvmcrt_agent_t *agent) { return agent->last_text; }
