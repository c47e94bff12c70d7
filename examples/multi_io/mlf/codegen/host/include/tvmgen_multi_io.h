#ifndef TVMGEN_MULTI_IO_H_
#define TVMGEN_MULTI_IO_H_
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*!
 * \brief Input tensor features size (in bytes) for TVM module "multi_io" 
 */
#define TVMGEN_MULTI_IO_FEATURES_SIZE 32
/*!
 * \brief Input tensor mask size (in bytes) for TVM module "multi_io" 
 */
#define TVMGEN_MULTI_IO_MASK_SIZE 8
/*!
 * \brief Output tensor scores size (in bytes) for TVM module "multi_io" 
 */
#define TVMGEN_MULTI_IO_SCORES_SIZE 16
/*!
 * \brief Output tensor flags size (in bytes) for TVM module "multi_io" 
 */
#define TVMGEN_MULTI_IO_FLAGS_SIZE 4
/*!
 * \brief Input tensor pointers for TVM module "multi_io" 
 */
struct tvmgen_multi_io_inputs {
  void* features;
  void* mask;
};

/*!
 * \brief Output tensor pointers for TVM module "multi_io" 
 */
struct tvmgen_multi_io_outputs {
  void* scores;
  void* flags;
};

/*!
 * \brief Workspace pool pointers for TVM module "multi_io" 
 */
struct tvmgen_multi_io_workspace_pools {
  void* sram;
};

/*!
 * \brief entrypoint function for TVM module "multi_io"
 * \param inputs Input tensors for the module 
 * \param outputs Output tensors for the module 
 * \param workspace_pools Workspace memory pool pointers for the module 
 */
int32_t tvmgen_multi_io_run(
  struct tvmgen_multi_io_inputs* inputs,
  struct tvmgen_multi_io_outputs* outputs,
  struct tvmgen_multi_io_workspace_pools* workspace_pools
);
/*!
 * \brief Workspace size for TVM module "multi_io" 
 */
#define TVMGEN_MULTI_IO_WORKSPACE_SIZE 2080
/*!
 * \brief sram size for TVM module "multi_io" 
 */
#define TVMGEN_MULTI_IO_SRAM_WORKSPACE_POOL_SIZE 1056

#ifdef __cplusplus
}
#endif

#endif // TVMGEN_MULTI_IO_H_
