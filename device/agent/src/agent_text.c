/*
 * agent_text.c — error texts without printf (which would cost kilobytes of flash), and the last
 * error the agent reported.
 */
#include <string.h>

#include "agent_internal.h"

void agent_text_str(agent_text_t *t, const char *s) {
  while (*s != '\0' && t->len + 1 < t->cap) t->buf[t->len++] = *s++;
  t->buf[t->len] = '\0';
}

void agent_text_uint(agent_text_t *t, uint32_t v) {
  char digits[11];
  size_t n = sizeof digits - 1;
  digits[n] = '\0';
  do {
    digits[--n] = (char)('0' + v % 10u);
    v /= 10u;
  } while (v != 0);
  agent_text_str(t, &digits[n]);
}

agent_text_t agent_error(tvmcrt_agent_t *a, uint32_t code, uint32_t model) {
  agent_text_t t = {a->last_text, sizeof a->last_text, 0};
  a->last_code = code;
  a->last_model = model;
  a->last_text[0] = '\0';
  return t;
}

void agent_status(const tvmcrt_agent_t *a, tvmcrt_wire_Status *status, uint32_t code) {
  memset(status, 0, sizeof *status);
  status->boot_id = a->port->boot_id;
  status->code = code;
  if (code != 0) {
    /* detail is the head of the full text; GetLastError returns all of it. */
    size_t n = strlen(a->last_text);
    if (n > sizeof status->detail - 1) n = sizeof status->detail - 1;
    memcpy(status->detail, a->last_text, n);
    status->detail[n] = '\0';
  }
}

const char *tvmcrt_agent_last_error_text(const tvmcrt_agent_t *agent) { return agent->last_text; }
