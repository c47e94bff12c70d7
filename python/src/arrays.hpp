// SPDX-License-Identifier: Apache-2.0
// arrays.hpp — numpy arrays as the device's tensors: dtypes, the checks made before anything is
// sent (dtype, element count, C order, the right names), and outputs as arrays. Needs the GIL.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <pybind11/numpy.h>

#include "npy.hpp"
#include "tvmcrt.pb.h"

namespace tvmcrt::python {

namespace py = pybind11;

// What a tensor is, copied from ModelInfo when the device connects: it never changes while the
// device stays up, so it can be read without asking the device (or locking it).
struct TensorMeta {
  std::string name;
  host::DType dtype = host::DType::unknown;
  std::vector<std::size_t> shape;
  std::size_t size_bytes = 0;
  std::string text() const;  // "int8 [1, 64]"
};

struct ModelMeta {
  std::string name;
  std::uint32_t index = 0;
  std::vector<TensorMeta> inputs, outputs;
};

ModelMeta model_meta(const wire::ModelInfoResponse &m, std::uint32_t index);

// numpy's dtype for a device dtype (little-endian, as the device's bytes are).
py::dtype numpy_dtype(host::DType t);
// The device dtype of a numpy dtype (any byte order); unknown when the device has none.
host::DType device_dtype(const py::dtype &d);

// An input checked against its tensor: the array (kept alive while its bytes are sent) and where
// its little-endian C-order bytes are.
struct BoundInput {
  std::uint32_t tensor = 0;
  py::array array;
  const std::uint8_t *data = nullptr;
  std::size_t size = 0;
};

// `inputs` is a dict name -> ndarray, or one ndarray for a model with one input. Error(usage),
// before anything is sent, for: an unknown or missing name, something that is not an ndarray, a
// dtype other than the tensor's (no silent conversion), another element count, an array that is
// not C-contiguous. Big-endian arrays are byte-swapped (values unchanged).
std::vector<BoundInput> bind_inputs(const ModelMeta &m, const py::handle &inputs);

// A numpy array (C order) of the tensor's dtype and shape holding `bytes`.
py::array output_array(const TensorMeta &t, const std::vector<std::uint8_t> &bytes);

// Any array as host::NdArray (values as they are, in C order), for comparisons; Error(usage) for
// a dtype the device has no name for.
host::NdArray to_ndarray(const py::handle &obj, const char *what);

}  // namespace tvmcrt::python
