#ifndef TVMGEN_COPY_64_H_
#define TVMGEN_COPY_64_H_
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*!
 * \brief Input tensor x size (in bytes) for TVM module "copy_64" 
 */
#define TVMGEN_COPY_64_X_SIZE 64
/*!
 * \brief Output tensor y size (in bytes) for TVM module "copy_64" 
 */
#define TVMGEN_COPY_64_Y_SIZE 64
/*!
 * \brief Input tensor pointers for TVM module "copy_64" 
 */
struct tvmgen_copy_64_inputs {
  void* x;
};

/*!
 * \brief Output tensor pointers for TVM module "copy_64" 
 */
struct tvmgen_copy_64_outputs {
  void* y;
};

/*!
 * \brief entrypoint function for TVM module "copy_64"
 * \param inputs Input tensors for the module 
 * \param outputs Output tensors for the module 
 */
int32_t tvmgen_copy_64_run(
  struct tvmgen_copy_64_inputs* inputs,
  struct tvmgen_copy_64_outputs* outputs
);
/*!
 * \brief Workspace size for TVM module "copy_64" 
 */
#define TVMGEN_COPY_64_WORKSPACE_SIZE 0

#ifdef __cplusplus
}
#endif

#endif // TVMGEN_COPY_64_H_
