// SPDX-License-Identifier: Apache-2.0
#include "arrays.hpp"

#include <cstring>

#include "error.hpp"

namespace tvmcrt::python {

using host::DType;
using host::Error;
using host::ErrorClass;

namespace {

std::string shape_text(const std::vector<std::size_t> &shape) {
  host::NdArray a;
  a.shape = shape;
  return a.shape_string();
}

std::vector<std::size_t> shape_of(const py::array &a) {
  return std::vector<std::size_t>(a.shape(), a.shape() + a.ndim());
}

std::string array_text(const py::array &a) {
  const DType t = device_dtype(a.dtype());
  const std::string name = t != DType::unknown ? host::dtype_name(t) : py::str(a.dtype()).cast<std::string>();
  return name + " " + shape_text(shape_of(a));
}

std::string names_of(const std::vector<TensorMeta> &ts) {
  std::string s;
  for (const auto &t : ts) s += (s.empty() ? "" : ", ") + t.name;
  return s.empty() ? "none" : s;
}

// {'a': ..., 'b': ...} for the hint of a message.
std::string dict_hint(const std::vector<TensorMeta> &ts) {
  std::string s;
  for (const auto &t : ts) s += (s.empty() ? "{" : ", ") + ("'" + t.name + "': array");
  return s + "}";
}

std::string type_name(const py::handle &obj) { return py::str(py::type::handle_of(obj).attr("__name__")); }

// Little-endian C order: a big-endian array is swapped (the values stay the same); anything else
// that needs a copy is refused by the caller, which names the fix.
py::array little_endian(py::array a) {
  const std::string order = py::str(a.dtype().attr("byteorder"));
  if (order != ">") return a;
  return a.attr("astype")(a.dtype().attr("newbyteorder")("<"));
}

}  // namespace

std::string TensorMeta::text() const { return std::string(host::dtype_name(dtype)) + " " + shape_text(shape); }

ModelMeta model_meta(const wire::ModelInfoResponse &m, std::uint32_t index) {
  ModelMeta meta;
  meta.name = m.name();
  meta.index = index;
  auto tensors = [](const google::protobuf::RepeatedPtrField<wire::TensorInfo> &ts) {
    std::vector<TensorMeta> out;
    for (const auto &t : ts)
      out.push_back(TensorMeta{t.name(), host::dtype_from_int(t.dtype()),
                               std::vector<std::size_t>(t.shape().begin(), t.shape().end()), t.size_bytes()});
    return out;
  };
  meta.inputs = tensors(m.inputs());
  meta.outputs = tensors(m.outputs());
  return meta;
}

py::dtype numpy_dtype(DType t) {
  switch (t) {
    case DType::int8: return py::dtype("i1");
    case DType::uint8: return py::dtype("u1");
    case DType::int16: return py::dtype("<i2");
    case DType::uint16: return py::dtype("<u2");
    case DType::int32: return py::dtype("<i4");
    case DType::uint32: return py::dtype("<u4");
    case DType::int64: return py::dtype("<i8");
    case DType::uint64: return py::dtype("<u8");
    case DType::float16: return py::dtype("<f2");
    case DType::float32: return py::dtype("<f4");
    case DType::float64: return py::dtype("<f8");
    case DType::boolean: return py::dtype("?");
    case DType::unknown: break;
  }
  return py::dtype("u1");  // a dtype this host does not know: its raw bytes
}

DType device_dtype(const py::dtype &d) {
  const std::size_t n = static_cast<std::size_t>(d.itemsize());
  switch (d.kind()) {
    case 'i': return n == 1 ? DType::int8 : n == 2 ? DType::int16 : n == 4 ? DType::int32 : n == 8 ? DType::int64 : DType::unknown;
    case 'u': return n == 1 ? DType::uint8 : n == 2 ? DType::uint16 : n == 4 ? DType::uint32 : n == 8 ? DType::uint64 : DType::unknown;
    case 'f': return n == 2 ? DType::float16 : n == 4 ? DType::float32 : n == 8 ? DType::float64 : DType::unknown;
    case 'b': return n == 1 ? DType::boolean : DType::unknown;
    default: return DType::unknown;
  }
}

std::vector<BoundInput> bind_inputs(const ModelMeta &m, const py::handle &inputs) {
  std::vector<std::pair<std::uint32_t, py::handle>> given;
  if (py::isinstance<py::dict>(inputs)) {
    for (const auto &item : py::reinterpret_borrow<py::dict>(inputs)) {
      if (!py::isinstance<py::str>(item.first))
        throw Error(ErrorClass::usage, "inputs of model '" + m.name + "' are named by strings, got " +
                                           py::repr(item.first).cast<std::string>() + "; its inputs are: " +
                                           names_of(m.inputs));
      const std::string name = item.first.cast<std::string>();
      std::uint32_t index = 0;
      while (index < m.inputs.size() && m.inputs[index].name != name) ++index;
      if (index == m.inputs.size())
        throw Error(ErrorClass::usage, "model '" + m.name + "' has no input '" + name + "'; its inputs are: " +
                                           names_of(m.inputs));
      given.emplace_back(index, item.second);
    }
  } else if (m.inputs.size() == 1) {
    given.emplace_back(0, inputs);
  } else {
    throw Error(ErrorClass::usage, "model '" + m.name + "' has " + std::to_string(m.inputs.size()) + " inputs (" +
                                       names_of(m.inputs) + "); pass a dict name -> array: " + dict_hint(m.inputs));
  }
  for (std::uint32_t i = 0; i < m.inputs.size(); ++i) {
    bool found = false;
    for (const auto &g : given) found = found || g.first == i;
    if (!found)
      throw Error(ErrorClass::usage, "model '" + m.name + "' needs input '" + m.inputs[i].name + "' (" +
                                         m.inputs[i].text() + "); pass every input: " + dict_hint(m.inputs));
  }
  std::vector<BoundInput> out;
  for (const auto &[index, obj] : given) {
    const TensorMeta &t = m.inputs[index];
    const std::string label = "input '" + t.name + "' of model '" + m.name + "'";
    const std::string np_name = std::string("np.") + host::dtype_name(t.dtype);
    if (!py::isinstance<py::array>(obj))
      throw Error(ErrorClass::usage, label + " is " + t.text() + " but got a " + type_name(obj) +
                                         ", not a numpy.ndarray; pass np.asarray(value, dtype=" + np_name + ")");
    py::array a = py::reinterpret_borrow<py::array>(obj);
    if (device_dtype(a.dtype()) != t.dtype)
      throw Error(ErrorClass::usage, label + " is " + t.text() + " but the array holds " + array_text(a) +
                                         "; convert it, e.g. x.astype(" + np_name + ")");
    const std::size_t elems = host::dtype_size(t.dtype) ? t.size_bytes / host::dtype_size(t.dtype) : 0;
    if (static_cast<std::size_t>(a.size()) != elems)
      throw Error(ErrorClass::usage, label + " is " + t.text() + " (" + std::to_string(elems) +
                                         " elements) but the array holds " + array_text(a) + " (" +
                                         std::to_string(a.size()) + " elements)");
    if (!(a.flags() & py::array::c_style))
      throw Error(ErrorClass::usage, label + ": the array is not C-contiguous (a transposed or strided view); "
                                             "pass np.ascontiguousarray(x)");
    a = little_endian(a);
    BoundInput b;
    b.tensor = index;
    b.data = static_cast<const std::uint8_t *>(a.data());
    b.size = static_cast<std::size_t>(a.nbytes());
    b.array = std::move(a);
    out.push_back(std::move(b));
  }
  return out;
}

py::array output_array(const TensorMeta &t, const std::vector<std::uint8_t> &bytes) {
  const py::dtype dt = numpy_dtype(t.dtype);
  const std::size_t item = static_cast<std::size_t>(dt.itemsize());
  std::size_t count = 1;
  for (std::size_t d : t.shape) count *= d;
  // A shape that does not cover the bytes (a device that gave none): the elements in one axis.
  std::vector<std::size_t> shape = t.shape;
  if (count * item != bytes.size()) shape = {bytes.size() / item};
  py::array a(dt, shape);
  std::memcpy(a.mutable_data(), bytes.data(), std::min(bytes.size(), static_cast<std::size_t>(a.nbytes())));
  return a;
}

host::NdArray to_ndarray(const py::handle &obj, const char *what) {
  py::module_ np = py::module_::import("numpy");
  py::array a = little_endian(np.attr("ascontiguousarray")(obj));
  host::NdArray out;
  out.dtype = device_dtype(a.dtype());
  if (out.dtype == DType::unknown)
    throw Error(ErrorClass::usage, std::string(what) + " has dtype " + py::str(a.dtype()).cast<std::string>() +
                                       ", which tvmcrt does not compare (integers, float16/32/64 and bool)");
  out.shape = shape_of(a);
  const auto *p = static_cast<const std::uint8_t *>(a.data());
  out.data.assign(p, p + a.nbytes());
  return out;
}

}  // namespace tvmcrt::python
