/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_internal.h — what the runtime's source files share. Not for applications.
 */
#ifndef TVMCRT_INTERNAL_H_
#define TVMCRT_INTERNAL_H_

#include "tvmcrt/tvmcrt.h"
#include "tvmcrt/tvmcrt_error_texts.h"

/* The context TVMExecute() is running, for the backend calls that carry none; NULL otherwise. */
extern TVMContext *tvmcrt_current_context;

/* The first runtime error recorded while a model runs (workspace exhausted, bad free, abort), so
 * that TVMExecute() reports it instead of the model's bare -1. 0 when none. */
extern int32_t tvmcrt_run_error;

/* Set by TVMAPISetLastError() while a model runs: the model gave its own reason. */
extern int tvmcrt_model_message_set;

/* Records an error as a row of tvmcrt/tvmcrt_error_texts.h and its arguments (what the agent
 * sends to the host: TVMCrtLastErrorText()), writes its sentence for TVMGetLastError() (or, with
 * TVMCRT_ERROR_TEXTS 0, "tvmcrt error 0x<code>"), and returns its code. `t` is the row's name
 * without the TVMCRT_TEXT_ prefix; the arguments follow its kinds (U: cast to uint32_t, S: a string
 * that outlives the record, such as a descriptor's name). tvmcrt_fail0() for a row without any. */
#if TVMCRT_ERROR_TEXTS
#define TVMCRT_FMT_(row) , TVMCRT_TEXT_FMT(row)
int32_t tvmcrt_fail_text(int32_t code, uint32_t text, const char *fmt, ...);
#else
#define TVMCRT_FMT_(row)
int32_t tvmcrt_fail_text(int32_t code, uint32_t text, ...);
#endif
#define tvmcrt_fail(t, ...) \
  tvmcrt_fail_text(TVMCRT_TEXT_CODE(TVMCRT_TEXT_##t), TVMCRT_TEXT_ID(TVMCRT_TEXT_##t) TVMCRT_FMT_(TVMCRT_TEXT_##t), \
                   __VA_ARGS__)
#define tvmcrt_fail0(t) \
  tvmcrt_fail_text(TVMCRT_TEXT_CODE(TVMCRT_TEXT_##t), TVMCRT_TEXT_ID(TVMCRT_TEXT_##t) TVMCRT_FMT_(TVMCRT_TEXT_##t))
#if TVMCRT_ERROR_TEXTS
/* A model's failure with its own reason (TVMAPISetLastError(), in the TVMGetLastError() buffer)
 * after the runtime's words; returns kTVMCrtErrModelFailed. */
int32_t tvmcrt_fail_saying(const char *model, int32_t rc);
#endif
/* Records only, leaving the TVMGetLastError() text as it is (a model's own, which the record points
 * to). */
void tvmcrt_record(int32_t code, uint32_t text, ...);

/* Name of the running model for messages, "(none)" outside TVMExecute(). */
const char *tvmcrt_running_name(void);

#endif /* TVMCRT_INTERNAL_H_ */
