/*
 * agent_text.c — the last error the agent reported, its text written with the runtime's printf
 * subset (tvmcrt/tvmcrt_text.h: printf itself would cost kilobytes of flash).
 */
#include <stdarg.h>
#include <string.h>

#include "agent_internal.h"
#include "tvmcrt/tvmcrt_text.h"

uint32_t agent_fail_text(tvmcrt_agent_t *a, uint32_t code, uint32_t model, const char *fmt, ...) {
  va_list ap;
  a->last_code = code;
  a->last_model = model;
  va_start(ap, fmt);
  (void)TVMCrtFormatV(a->last_text, sizeof a->last_text, fmt, ap);
  va_end(ap);
  return code;
}

void agent_status(const tvmcrt_agent_t *a, tvmcrt_wire_Status *status, uint32_t code) {
  memset(status, 0, sizeof *status);
  status->boot_id = a->port->boot_id;
  status->code = code;
  status->rx_lost = a->port->rx_lost != NULL ? a->port->rx_lost(a->port->ctx) : 0u;
  if (code != 0) {
    /* The whole text, encoded straight from last_text: no copy, no length cap. */
    status->detail.funcs.encode = agent_encode_cstring;
    status->detail.arg = AGENT_ARG(a->last_text);
  }
}

const char *tvmcrt_agent_last_error_text(const tvmcrt_agent_t *agent) { return agent->last_text; }
