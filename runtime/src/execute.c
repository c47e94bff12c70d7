#include "tvmcrt/tvmcrt.h"
