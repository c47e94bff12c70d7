#ifndef TVMGEN_COPY_16K_H_
#define TVMGEN_COPY_16K_H_
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*!
 * \brief Input tensor x size (in bytes) for TVM module "copy_16k" 
 */
#define TVMGEN_COPY_16K_X_SIZE 16384
/*!
 * \brief Output tensor y size (in bytes) for TVM module "copy_16k" 
 */
#define TVMGEN_COPY_16K_Y_SIZE 16384
/*!
 * \brief Input tensor pointers for TVM module "copy_16k" 
 */
struct tvmgen_copy_16k_inputs {
  void* x;
};

/*!
 * \brief Output tensor pointers for TVM module "copy_16k" 
 */
struct tvmgen_copy_16k_outputs {
  void* y;
};

/*!
 * \brief entrypoint function for TVM module "copy_16k"
 * \param inputs Input tensors for the module 
 * \param outputs Output tensors for the module 
 */
int32_t tvmgen_copy_16k_run(
  struct tvmgen_copy_16k_inputs* inputs,
  struct tvmgen_copy_16k_outputs* outputs
);
/*!
 * \brief Workspace size for TVM module "copy_16k" 
 */
#define TVMGEN_COPY_16K_WORKSPACE_SIZE 0

#ifdef __cplusplus
}
#endif

#endif // TVMGEN_COPY_16K_H_
