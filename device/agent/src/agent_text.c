/* SPDX-License-Identifier: Apache-2.0 */
/*
 * agent_text.c — the last error the agent reported, kept as numbers (a row of
 * proto/errors/tvmcrt_agent_texts.h and its arguments) for the Status of the response and for
 * GetLastError. tvmcrt-host writes the sentence; with TVMCRT_AGENT_ERROR_TEXTS the agent writes it
 * too, with the runtime's formatter.
 */
#include <stdarg.h>
#include <string.h>

#include "agent_internal.h"
#include "tvmcrt/tvmcrt_error_texts.h"

#if TVMCRT_AGENT_ERROR_TEXTS
static const char *request_name(uint32_t type) {
  static const char *const names[] = TVMCRT_AGENT_REQUEST_NAMES;
  return type < sizeof names / sizeof names[0] ? names[type] : "request";
}

/* Rows by number: the agent's from 1, the runtime's from 100 (both tables are numbered in order;
 * tests/host checks it). */
#define AGENT_FORMAT_(row) TVMCRT_TEXT_FMT(row),
static const char *const agent_formats[] = {TVMCRT_AGENT_TEXTS(AGENT_FORMAT_)};
static const char *const runtime_formats[] = {TVMCRT_RUNTIME_TEXTS(AGENT_FORMAT_)};
#undef AGENT_FORMAT_

#define COUNT_OF(x) (sizeof(x) / sizeof((x)[0]))

static void write_text(tvmcrt_agent_t *a) {
  uint32_t n = TVMCRT_TEXT_NUMBER(a->last.text);
  const char *fmt = n >= 100u && n - 100u < COUNT_OF(runtime_formats) ? runtime_formats[n - 100u]
                    : n >= 1u && n - 1u < COUNT_OF(agent_formats)    ? agent_formats[n - 1u]
                                                                     : "";
  (void)TVMCrtTextFormat(a->last_text, sizeof a->last_text, fmt, &a->last, request_name);
}
#endif

uint32_t agent_fail_text(tvmcrt_agent_t *a, uint32_t model, uint32_t code, uint32_t text, ...) {
  va_list ap;
  va_start(ap, text);
  TVMCrtTextRecordV(&a->last, code, text, ap);
  va_end(ap);
  a->last_model = model;
#if TVMCRT_AGENT_ERROR_TEXTS
  write_text(a);
#endif
  return code;
}

uint32_t agent_fail_runtime(tvmcrt_agent_t *a, uint32_t m) {
  a->last = *TVMCrtLastErrorText();
  a->last_model = m;
#if TVMCRT_AGENT_ERROR_TEXTS
  write_text(a);
#endif
  return a->last.code;
}

/* ErrorText.strings: the S arguments of the record in *arg, in order. */
static bool encode_strings(pb_ostream_t *stream, const pb_field_t *field, void *const *arg) {
  const TVMCrtErrorText *e = (const TVMCrtErrorText *)*arg;
  for (uint32_t i = 0; i < TVMCRT_TEXT_COUNT(e->text); i++) {
    if (TVMCRT_TEXT_KIND(e->text, i) == TVMCRT_TEXT_KIND_S) {
      void *s = AGENT_ARG(e->args[i].s);
      if (!agent_encode_cstring(stream, field, &s)) return false;
    }
  }
  return true;
}

void agent_error_text(tvmcrt_agent_t *a, tvmcrt_wire_ErrorText *out) {
  const TVMCrtErrorText *e = &a->last;
  out->text = e->text;
  out->numbers_count = 0;
  for (uint32_t i = 0; i < TVMCRT_TEXT_COUNT(e->text); i++) {
    if (TVMCRT_TEXT_KIND(e->text, i) != TVMCRT_TEXT_KIND_S) out->numbers[out->numbers_count++] = e->args[i].u;
  }
  out->strings.funcs.encode = encode_strings;
  out->strings.arg = AGENT_ARG(e);
}

bool agent_encode_status(tvmcrt_agent_t *a, pb_ostream_t *os, uint32_t code) {
  tvmcrt_wire_Status status = tvmcrt_wire_Status_init_zero;
  status.boot_id = a->port->boot_id;
  status.code = code;
  status.rx_lost = a->port->rx_lost != NULL ? a->port->rx_lost(a->port->ctx) : 0u;
  if (code != 0) {
    status.has_text = true;
    agent_error_text(a, &status.text);
  }
  return pb_encode_tag(os, PB_WT_STRING, 1) && pb_encode_submessage(os, tvmcrt_wire_Status_fields, &status);
}

const char *tvmcrt_agent_last_error_text(const tvmcrt_agent_t *agent) {
#if TVMCRT_AGENT_ERROR_TEXTS
  return agent->last_text;
#else
  /* The sentence is tvmcrt-host's to write; here its code and number say which it is. */
  static char text[48];
  TVMCrtErrorText e;
  memset(&e, 0, sizeof e);
  e.text = TVMCRT_TEXT_ARGS2(U, U);
  e.args[0].u = agent->last.code;
  e.args[1].u = TVMCRT_TEXT_NUMBER(agent->last.text);
  (void)TVMCrtTextFormat(text, sizeof text, "tvmcrt agent error 0x%x (text %u)", &e, NULL);
  return text;
#endif
}
