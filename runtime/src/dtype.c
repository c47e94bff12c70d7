/* SPDX-License-Identifier: Apache-2.0 */
/* dtype.c — element sizes and names of TVMDType. */
#include <string.h>

#include "tvmcrt_internal.h"

typedef struct {
  const char *name;
  uint8_t size;
} dtype_info_t;

/* Indexed by TVMDType: the enum's numbers are wire protocol and never move. */
static const dtype_info_t dtypes[] = {
    {"unknown", 0}, {"int8", 1},    {"uint8", 1},   {"int16", 2},   {"uint16", 2},
    {"int32", 4},   {"uint32", 4},  {"int64", 8},   {"uint64", 8},  {"float16", 2},
    {"float32", 4}, {"float64", 8}, {"bool", 1},
};

#define DTYPE_COUNT (sizeof dtypes / sizeof dtypes[0])

size_t TVMDTypeSize(TVMDType dtype) {
  return (unsigned)dtype < DTYPE_COUNT ? dtypes[dtype].size : 0;
}

const char *TVMDTypeName(TVMDType dtype) {
  return (unsigned)dtype < DTYPE_COUNT ? dtypes[dtype].name : "unknown";
}

const TVMPoolInfo *TVMModelFindPool(const TVMModel *model, const char *name) {
  uint8_t i;
  if (model == NULL || name == NULL) return NULL;
  for (i = 0; i < model->num_pools; i++) {
    if (model->pools[i].name != NULL && strcmp(model->pools[i].name, name) == 0) return &model->pools[i];
  }
  return NULL;
}
