#ifndef TVMGEN_DIGITS_H_
#define TVMGEN_DIGITS_H_
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*!
 * \brief Input tensor input size (in bytes) for TVM module "digits" 
 */
#define TVMGEN_DIGITS_INPUT_SIZE 64
/*!
 * \brief Output tensor output size (in bytes) for TVM module "digits" 
 */
#define TVMGEN_DIGITS_OUTPUT_SIZE 10
/*!
 * \brief Input tensor pointers for TVM module "digits" 
 */
struct tvmgen_digits_inputs {
  void* input;
};

/*!
 * \brief Output tensor pointers for TVM module "digits" 
 */
struct tvmgen_digits_outputs {
  void* output;
};

/*!
 * \brief entrypoint function for TVM module "digits"
 * \param inputs Input tensors for the module 
 * \param outputs Output tensors for the module 
 */
int32_t tvmgen_digits_run(
  struct tvmgen_digits_inputs* inputs,
  struct tvmgen_digits_outputs* outputs
);
/*!
 * \brief Workspace size for TVM module "digits" 
 */
#define TVMGEN_DIGITS_WORKSPACE_SIZE 1280

#ifdef __cplusplus
}
#endif

#endif // TVMGEN_DIGITS_H_
