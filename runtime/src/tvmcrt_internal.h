/*
 * tvmcrt_internal.h — what the runtime's source files share. Not for applications.
 */
#ifndef TVMCRT_INTERNAL_H_
#define TVMCRT_INTERNAL_H_

#include "tvmcrt/tvmcrt.h"

/* The context TVMExecute() is running, for the backend calls that carry none; NULL otherwise. */
extern TVMContext *tvmcrt_current_context;

/* The first runtime error recorded while a model runs (workspace exhausted, bad free, abort), so
 * that TVMExecute() reports it instead of the model's bare -1. 0 when none. */
extern int32_t tvmcrt_run_error;

/* Set by TVMAPISetLastError() while a model runs: the model gave its own reason. */
extern int tvmcrt_model_message_set;

/* Records an error and returns `code`. The text comes from fmt, a printf subset small enough for
 * firmware: %s (NULL prints "(null)"), %d (int32_t), %u (uint32_t), %zu (size_t), %x (uint32_t),
 * %%. With TVMCRT_ERROR_TEXTS 0 the format strings and their arguments are compiled out and the
 * text is "tvmcrt error 0x<code>". */
#if TVMCRT_ERROR_TEXTS
#define tvmcrt_fail(code, ...) tvmcrt_fail_text((code), __VA_ARGS__)
#else
#define tvmcrt_fail(code, ...) tvmcrt_fail_text((code), NULL)
#endif
int32_t tvmcrt_fail_text(int32_t code, const char *fmt, ...);

/* Name of the running model for messages, "(none)" outside TVMExecute(). */
const char *tvmcrt_running_name(void);

#endif /* TVMCRT_INTERNAL_H_ */
