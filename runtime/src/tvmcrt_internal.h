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

/* Formats the last-error text and returns `code`. A printf subset small enough for firmware:
 * %s (NULL prints "(null)"), %d (int32_t), %u (uint32_t), %zu (size_t), %x (uint32_t), %%. */
int32_t tvmcrt_fail(int32_t code, const char *fmt, ...);

/* Appends formatted text to the last-error text (same subset). */
void tvmcrt_append_error(const char *fmt, ...);

/* Name of the running model for messages, "(none)" outside TVMExecute(). */
const char *tvmcrt_running_name(void);

#endif /* TVMCRT_INTERNAL_H_ */
