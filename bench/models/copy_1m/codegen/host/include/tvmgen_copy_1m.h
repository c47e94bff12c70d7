#ifndef TVMGEN_COPY_1M_H_
#define TVMGEN_COPY_1M_H_
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*!
 * \brief Input tensor x size (in bytes) for TVM module "copy_1m" 
 */
#define TVMGEN_COPY_1M_X_SIZE 1048576
/*!
 * \brief Output tensor y size (in bytes) for TVM module "copy_1m" 
 */
#define TVMGEN_COPY_1M_Y_SIZE 1048576
/*!
 * \brief Input tensor pointers for TVM module "copy_1m" 
 */
struct tvmgen_copy_1m_inputs {
  void* x;
};

/*!
 * \brief Output tensor pointers for TVM module "copy_1m" 
 */
struct tvmgen_copy_1m_outputs {
  void* y;
};

/*!
 * \brief entrypoint function for TVM module "copy_1m"
 * \param inputs Input tensors for the module 
 * \param outputs Output tensors for the module 
 */
int32_t tvmgen_copy_1m_run(
  struct tvmgen_copy_1m_inputs* inputs,
  struct tvmgen_copy_1m_outputs* outputs
);
/*!
 * \brief Workspace size for TVM module "copy_1m" 
 */
#define TVMGEN_COPY_1M_WORKSPACE_SIZE 0

#ifdef __cplusplus
}
#endif

#endif // TVMGEN_COPY_1M_H_
