#ifndef TVMGEN_COPY_256K_H_
#define TVMGEN_COPY_256K_H_
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*!
 * \brief Input tensor x size (in bytes) for TVM module "copy_256k" 
 */
#define TVMGEN_COPY_256K_X_SIZE 262144
/*!
 * \brief Output tensor y size (in bytes) for TVM module "copy_256k" 
 */
#define TVMGEN_COPY_256K_Y_SIZE 262144
/*!
 * \brief Input tensor pointers for TVM module "copy_256k" 
 */
struct tvmgen_copy_256k_inputs {
  void* x;
};

/*!
 * \brief Output tensor pointers for TVM module "copy_256k" 
 */
struct tvmgen_copy_256k_outputs {
  void* y;
};

/*!
 * \brief entrypoint function for TVM module "copy_256k"
 * \param inputs Input tensors for the module 
 * \param outputs Output tensors for the module 
 */
int32_t tvmgen_copy_256k_run(
  struct tvmgen_copy_256k_inputs* inputs,
  struct tvmgen_copy_256k_outputs* outputs
);
/*!
 * \brief Workspace size for TVM module "copy_256k" 
 */
#define TVMGEN_COPY_256K_WORKSPACE_SIZE 0

#ifdef __cplusplus
}
#endif

#endif // TVMGEN_COPY_256K_H_
