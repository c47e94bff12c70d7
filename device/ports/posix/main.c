/* SPDX-License-Identifier: Apache-2.0 */
/*
 * main.c — tvmcrt-device: the agent and the runtime as a native process, serving one connection
 * at a time over a pty, a TCP socket on 127.0.0.1, or stdin/stdout. Same agent code and options as
 * the firmware; the models are the ones tvmcrt_link_models() linked in.
 *
 *   tvmcrt-device --pty [--once]       prints the pty's path as its first stdout line
 *   tvmcrt-device --tcp PORT [--once]  PORT 0 picks a free port; prints the port as the first line
 *   tvmcrt-device --stdio              frames on stdin/stdout; ends at EOF
 *
 * Exit codes: 0 on SIGTERM/SIGINT, or when --once and the peer disconnected; 2 usage or set-up
 * error; 3 a model aborted.
 */
#define _XOPEN_SOURCE 600
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "tvmcrt_agent.h"
#include "tvmcrt_posix.h"

#ifndef TVMCRT_VERSION
#define TVMCRT_VERSION "(unknown version)"
#endif

#ifndef TVMCRT_POSIX_SCRATCH_SIZE
#define TVMCRT_POSIX_SCRATCH_SIZE (64u * 1024u)  /* a second region for SetWorkspaces experiments */
#endif

static volatile sig_atomic_t stop_requested;
static tvmcrt_agent_t agent;
static uint8_t scratch[TVMCRT_POSIX_SCRATCH_SIZE] __attribute__((aligned(64)));

static void on_signal(int sig) {
  (void)sig;
  stop_requested = 1;
}

static const char help_text[] =
    "tvmcrt-device - the tvmcrt agent and runtime as a native process, serving its models\n"
    "\n"
    "Usage: tvmcrt-device (--pty | --tcp PORT | --stdio) [--once]\n"
    "\n"
    "Options:\n"
    "  --pty         serve on a new pseudo terminal; its path is the first line on stdout\n"
    "  --tcp PORT    serve on 127.0.0.1:PORT (0 picks a free port; it is the first line on stdout)\n"
    "  --stdio       frames on stdin and stdout; ends at end of input\n"
    "  --once        end when the first peer disconnects\n"
    "  --help        print this help and exit\n"
    "  --version     print the version and exit\n"
    "\n"
    "Exit codes: 0 on SIGTERM/SIGINT (or --once and the peer left), 2 usage or set-up error,\n"
    "3 a model aborted. Drive it with tvmcrt-host --port <pty> or socket://127.0.0.1:PORT.\n";

static int usage(const char *msg) {
  fprintf(stderr, "tvmcrt-device: %s\nusage: tvmcrt-device (--pty | --tcp PORT | --stdio) [--once]\n",
          msg);
  return 2;
}

static int set_nonblocking(int fd) { return fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK); }

static int open_pty(void) {
  int fd = posix_openpt(O_RDWR | O_NOCTTY);
  struct termios t;
  if (fd < 0 || grantpt(fd) != 0 || unlockpt(fd) != 0 || tcgetattr(fd, &t) != 0) {
    perror("tvmcrt-device: cannot create a pty");
    return -1;
  }
  /* Raw, set through the master (Linux applies it to the slave): binary frames pass untouched
   * even if the host opens the pty without configuring it. */
  t.c_iflag &= ~(tcflag_t)(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
  t.c_oflag &= ~(tcflag_t)OPOST;
  t.c_lflag &= ~(tcflag_t)(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
  t.c_cflag &= ~(tcflag_t)(CSIZE | PARENB);
  t.c_cflag |= CS8;
  if (tcsetattr(fd, TCSANOW, &t) != 0 || set_nonblocking(fd) != 0) {
    perror("tvmcrt-device: cannot configure the pty");
    return -1;
  }
  printf("%s\n", ptsname(fd));
  fflush(stdout);
  return fd;
}

static int listen_tcp(long port) {
  struct sockaddr_in addr;
  socklen_t len = sizeof addr;
  int one = 1;
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((uint16_t)port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
      bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(fd, 1) != 0 ||
      getsockname(fd, (struct sockaddr *)&addr, &len) != 0) {
    fprintf(stderr, "tvmcrt-device: cannot listen on 127.0.0.1:%ld: %s\n", port, strerror(errno));
    return -1;
  }
  printf("%u\n", (unsigned)ntohs(addr.sin_port));
  fflush(stdout);
  return fd;
}

/* Waits for the next TCP client; -1 when stopped by a signal. */
static int accept_client(int listener) {
  while (!stop_requested) {
    int fd = accept(listener, NULL, NULL);
    if (fd >= 0) {
      /* The agent writes a frame in pieces (COBS blocks): without TCP_NODELAY each response's tail
       * waits for the host's delayed ACK, ~40 ms a request. A UART has no such wait. */
      int one = 1;
      (void)setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
      return set_nonblocking(fd) == 0 ? fd : -1;
    }
    if (errno != EINTR) return -1;
  }
  return -1;
}

static int init_agent(tvmcrt_port_t *port, const tvmcrt_region_t *regions) {
  uint32_t err = tvmcrt_agent_init(&agent, port, tvmcrt_agent_models, tvmcrt_agent_model_count,
                                   regions, 2);
  if (err != 0) {
    fprintf(stderr, "tvmcrt-device: agent set-up failed (0x%x): %s\n", (unsigned)err,
            tvmcrt_agent_last_error_text(&agent));
    return 2;
  }
  return 0;
}

/* Serves the link until the peer hangs up (returns 1) or a signal stops us (returns 0). With a
 * pty, a hang-up lasts until someone opens it again: back off instead of spinning. */
static int serve(tvmcrt_posix_link_t *link) {
  while (!stop_requested) {
    if (!tvmcrt_posix_wait(link, 200)) continue;
    if (!tvmcrt_agent_poll(&agent) || link->hangup) return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  enum { NONE, PTY, TCP, STDIO } mode = NONE;
  long tcp_port = -1;
  bool once = false;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--help") == 0) {
      fputs(help_text, stdout);
      return 0;
    } else if (strcmp(argv[i], "--version") == 0) {
      printf("tvmcrt-device %s\n", TVMCRT_VERSION);
      return 0;
    } else if (strcmp(argv[i], "--pty") == 0) {
      mode = PTY;
    } else if (strcmp(argv[i], "--stdio") == 0) {
      mode = STDIO;
    } else if (strcmp(argv[i], "--once") == 0) {
      once = true;
    } else if (strcmp(argv[i], "--tcp") == 0 && i + 1 < argc) {
      char *end = NULL;
      mode = TCP;
      tcp_port = strtol(argv[++i], &end, 10);
      if (*end != '\0' || tcp_port < 0 || tcp_port > 65535) return usage("--tcp needs a port 0..65535");
    } else {
      return usage("unknown argument");
    }
  }
  if (mode == NONE) return usage("choose a link");

  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;  /* no SA_RESTART: poll() and accept() return EINTR */
  sigaction(SIGTERM, &sa, NULL);
  sigaction(SIGINT, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);

  const tvmcrt_region_t regions[2] = {
      {"sram", tvmcrt_agent_arena, tvmcrt_agent_arena_size, 16},
      {"scratch", scratch, sizeof scratch, 64},
  };
  tvmcrt_posix_link_t link = {-1, -1, false, &stop_requested};
  tvmcrt_port_t port;
  tvmcrt_posix_port_init(&port, &link);

  if (mode == STDIO) {
    link.rfd = STDIN_FILENO;
    link.wfd = STDOUT_FILENO;
    if (set_nonblocking(STDIN_FILENO) != 0) return usage("stdin cannot be made non-blocking");
    int err = init_agent(&port, regions);
    return err != 0 ? err : (serve(&link), 0);
  }
  if (mode == PTY) {
    link.rfd = link.wfd = open_pty();
    if (link.rfd < 0) return 2;
    int err = init_agent(&port, regions);  /* the pty keeps the Boot frame for the first reader */
    if (err != 0) return err;
    while (serve(&link) == 1 && !once) {
      struct timespec pause = {0, 50 * 1000 * 1000};
      nanosleep(&pause, NULL);
      link.hangup = false;
    }
    return 0;
  }
  int listener = listen_tcp(tcp_port);
  if (listener < 0) return 2;
  bool initialised = false;
  for (;;) {
    link.rfd = link.wfd = accept_client(listener);
    if (link.rfd < 0) return stop_requested ? 0 : 2;
    link.hangup = false;
    if (!initialised) {  /* Boot goes to the first client: a reset is once per process */
      int err = init_agent(&port, regions);
      if (err != 0) return err;
      initialised = true;
    }
    int hung_up = serve(&link);
    close(link.rfd);
    if (!hung_up || once) return 0;
  }
}
