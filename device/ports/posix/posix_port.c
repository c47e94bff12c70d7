/* SPDX-License-Identifier: Apache-2.0 */
/*
 * posix_port.c — port functions over file descriptors, and the runtime's abort hook for a process.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "tvmcrt/tvmcrt.h"
#include "tvmcrt_posix.h"

static size_t posix_read(void *ctx, uint8_t *buf, size_t capacity) {
  tvmcrt_posix_link_t *link = (tvmcrt_posix_link_t *)ctx;
  for (;;) {
    ssize_t n = read(link->rfd, buf, capacity);
    if (n > 0) return (size_t)n;
    if (n < 0 && errno == EINTR) continue;
    if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) link->hangup = true;  /* EOF, EIO */
    return 0;
  }
}

/* Loops over partial writes; waits while the peer's buffer is full. */
static bool posix_write(void *ctx, const uint8_t *buf, size_t len) {
  tvmcrt_posix_link_t *link = (tvmcrt_posix_link_t *)ctx;
  while (len > 0) {
    ssize_t n = write(link->wfd, buf, len);
    if (n > 0) {
      buf += n;
      len -= (size_t)n;
    } else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      struct pollfd p = {link->wfd, POLLOUT, 0};
      if (link->stop != NULL && *link->stop) return false;
      (void)poll(&p, 1, 100);
    } else if (!(n < 0 && errno == EINTR)) {
      link->hangup = true;  /* EPIPE, EIO, ECONNRESET */
      return false;
    }
  }
  return true;
}

static uint32_t posix_ticks(void *ctx) {
  struct timespec ts;
  (void)ctx;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint32_t)((uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u);
}

/* Differs per start: /dev/urandom, else time and pid mixed. Never 0, so a host can tell "unset". */
static uint32_t posix_boot_id(void) {
  uint32_t id = 0;
  int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    if (read(fd, &id, sizeof id) != (ssize_t)sizeof id) id = 0;
    close(fd);
  }
  if (id == 0) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    id = (uint32_t)ts.tv_nsec ^ ((uint32_t)ts.tv_sec << 8) ^ ((uint32_t)getpid() << 16);
  }
  return id != 0 ? id : 1u;
}

void tvmcrt_posix_port_init(tvmcrt_port_t *port, tvmcrt_posix_link_t *link) {
  port->read = posix_read;
  port->write = posix_write;
  port->ticks = posix_ticks;
  port->tick_hz = 1000000u;
  port->boot_id = posix_boot_id();
  port->platform = "posix";
  port->ctx = link;
  port->rx_lost = NULL;  /* a pty or socket loses nothing; a real tty's overruns are not read */
  /* The process's stack is the kernel's, grown on demand: no region to paint, so no mark. */
  port->stack_paint = NULL;
  port->stack_used = NULL;
  port->stack_size = 0;
  port->tick_sync = NULL;  /* microseconds of a real clock: runs never repeat exactly anyway */
}

bool tvmcrt_posix_wait(tvmcrt_posix_link_t *link, int timeout_ms) {
  struct pollfd p = {link->rfd, POLLIN, 0};
  int r = poll(&p, 1, timeout_ms);
  if (r < 0) return errno != EINTR;
  if (p.revents & (POLLHUP | POLLERR)) link->hangup = true;
  return true;
}

/* The runtime calls this after TVMPlatformAbort() has recorded its text: a process can say why. */
void TVMCrtPortAbort(int32_t error_code) {
  fprintf(stderr, "tvmcrt-device: model aborted (error 0x%x): %s\n", (unsigned)error_code,
          TVMGetLastError());
  exit(3);
}
