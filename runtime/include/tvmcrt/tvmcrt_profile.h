/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_profile.h — per-operator timing of a model, without changing its code. Depends on
 * runtime/src/profile.c.
 *
 * A model built with PROFILE (tvmcrt_add_model(), docs/profile.md) has its sources compiled with
 * -finstrument-functions, so every function they define calls __cyg_profile_func_enter() on entry
 * and __cyg_profile_func_exit() on return. profile.c defines both: while a profiler is active they
 * look the function up in the model's operator table (tvmgen_<m>_fused_*, listed by tvmcrt-import
 * in the generated tvmcrt_model_<name>_profile.c) and add the ticks between the two calls to that
 * operator's record; any other function (__tvm_main__, helpers) costs a table walk and is not timed.
 *
 * Only images with a PROFILE model link profile.c: the agent calls TVMProfiler.begin/end through
 * the table's pointers, never by name, so production images carry neither the hooks nor a record
 * buffer.
 *
 * Not reentrant: one profiler is active at a time (one model runs at a time). Operators called
 * inside another operator are counted in the outer one. Never call from interrupt context.
 */
#ifndef TVMCRT_PROFILE_H_
#define TVMCRT_PROFILE_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bytes of records each PROFILE model reserves (static, in its generated _profile.c): one
 * TVMProfileRecord (20 bytes) per operator, so 51 operators by default. A model with more
 * operators times the first ones that fit and reports how many were left out
 * (ReadProfileResponse.recorded); raise this to time them all. */
#ifndef TVMCRT_PROFILE_BUFFER_SIZE
#define TVMCRT_PROFILE_BUFFER_SIZE 1024
#endif

/* Empty probed calls begin() times to find the probe's own cost (the least of them is taken). */
#ifndef TVMCRT_PROFILE_CALIBRATION_CALLS
#define TVMCRT_PROFILE_CALIBRATION_CALLS 8
#endif

/* A free-running tick counter wrapping at 2^32 (the port's: DWT on Cortex-M, clock_gettime on POSIX). */
typedef uint32_t (*TVMProfileClock)(void *ctx);

/* One operator's figures for the last profiled run, in raw ticks (probe cost included). */
typedef struct TVMProfileRecord {
  uint32_t calls;
  uint32_t total; /* sum of all calls; wraps past 2^32 ticks like the port's tick */
  uint32_t min;
  uint32_t max;
  uint32_t first; /* start of the first call, ticks after begin() */
} TVMProfileRecord;

#define TVMCRT_PROFILE_CAPACITY (TVMCRT_PROFILE_BUFFER_SIZE / sizeof(TVMProfileRecord))

typedef struct TVMProfiler TVMProfiler;
struct TVMProfiler {
  const char *const *names;      /* count operator names, as linked (tvmgen_<m>_fused_...) */
  const void *const *functions;  /* count addresses, as the instrumentation reports them */
  uint16_t count;                /* operators the model has */
  uint16_t capacity;             /* records the buffer holds; operators from capacity on are untimed */
  TVMProfileRecord *records;     /* capacity entries, owned by the generated file */
  void (*probe)(void);           /* an empty function compiled like the model's: calibration */
  /* TVMProfileBegin / TVMProfileEnd (NULL in a table that only lists the operators). */
  void (*begin)(TVMProfiler *p, TVMProfileClock clock, void *ctx);
  void (*end)(TVMProfiler *p);
  uint32_t probe_ticks; /* set by begin(): ticks an empty probed call measures */
};

/* Clears the records, measures the probe's cost (probe_ticks) and makes `p` the active profiler:
 * the model's operators are timed from now on with `clock`. */
void TVMProfileBegin(TVMProfiler *p, TVMProfileClock clock, void *ctx);
/* Stops timing. The records stay until the next begin(). */
void TVMProfileEnd(TVMProfiler *p);

#ifdef __cplusplus
}
#endif

#endif /* TVMCRT_PROFILE_H_ */
