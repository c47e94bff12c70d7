/* SPDX-License-Identifier: Apache-2.0 */
/*
 * tvmcrt_posix.h — the POSIX port: a tvmcrt_port_t over a pair of file descriptors (a pty master,
 * a TCP socket, or stdin/stdout), with a microsecond clock. Depends on posix_port.c.
 */
#ifndef TVMCRT_POSIX_H_
#define TVMCRT_POSIX_H_

#include <signal.h>
#include <stdbool.h>

#include "tvmcrt_port.h"

typedef struct tvmcrt_posix_link {
  int rfd;      /* non-blocking */
  int wfd;
  bool hangup;  /* set by read/write when the peer went away (EOF, EIO, EPIPE) */
  /* If set and non-zero, a write waiting for a peer that does not read gives up (SIGTERM). */
  const volatile sig_atomic_t *stop;
} tvmcrt_posix_link_t;

/* Fills port for link: platform "posix", tick_hz 1000000, a boot id that differs per start. */
void tvmcrt_posix_port_init(tvmcrt_port_t *port, tvmcrt_posix_link_t *link);

/* Waits up to timeout_ms for bytes (or a hangup) on link->rfd; false if interrupted by a signal. */
bool tvmcrt_posix_wait(tvmcrt_posix_link_t *link, int timeout_ms);

#endif /* TVMCRT_POSIX_H_ */
