/* tvmcrt_frame.c — placeholder until the frame codec lands. */
#include "tvmcrt_frame.h"
