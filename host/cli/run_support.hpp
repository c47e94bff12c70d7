// SPDX-License-Identifier: Apache-2.0
// run_support.hpp — shared by execute and its batch mode: binding NAME=FILE.npy arguments to a
// model's tensors with every check made BEFORE anything is sent, output files, result reporting.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include "compare.hpp"

namespace tvmcrt::cli {

// A NAME=FILE argument with its file's header read (before connecting: file errors come first);
// bind_tensors() reads the data once dtype and size are known to fit the tensor.
struct FileArg {
  std::string name;  // "" when the user gave only FILE
  std::string path;  // for a member of a .npz: "FILE.npz[NAME]"
  host::NpyHeader header;
  std::optional<host::NdArray> array;  // already read: a member of a .npz
};
// NAME=FILE splits at the first '=' unless that would make a path of the NAME ("/data/run=3/x.npy")
// or the whole argument is an existing file and what follows '=' is not. A FILE.npz (numpy.savez,
// what `tvmc run` takes) stands for one NAME=array per member.
std::vector<FileArg> load_file_args(const std::vector<std::string> &args);

enum class TensorKind { input, output };

// tensor index → array. Checks names (unknown, duplicate, bare FILE with several tensors), element
// counts (batch: a leading axis of *batch_n samples, the same for every file) and, for inputs, the
// dtype. flag ("--input") appears in messages.
std::map<std::uint32_t, host::NdArray> bind_tensors(const Device &dev, std::uint32_t model, std::vector<FileArg> args,
                                                    TensorKind kind, const char *flag, std::size_t *batch_n);
// Error(usage) naming the first model input that has no array.
void require_all_inputs(const Device &dev, std::uint32_t model, const std::map<std::uint32_t, host::NdArray> &in,
                        const char *flag);

// Creates the directory if needed and proves it writable (Error(file) otherwise).
void prepare_output_dir(const std::string &dir);

// Writes every input, with a progress bar for slow lines.
void write_inputs(Device &dev, std::uint32_t model, const std::map<std::uint32_t, host::NdArray> &inputs);
// Reads every output as an array with the device's dtype and shape.
std::vector<host::NdArray> read_outputs(Device &dev, std::uint32_t model);

// Per run: the on-device time of TVMExecute and the host's round trip of the Execute request.
struct RunTimes {
  std::vector<double> device_us, round_trip_us;
  // What the on-device times are: "" on hardware, else how they were emulated (time_note_of()).
  std::string emulated;
};
// "" for a real chip; for an emulator tvmcrt-host booted, its note (QEMU machine, -icount); for a
// device that calls its platform "...-emulated" (a QEMU or Renode someone else started), that.
std::string time_note_of(const Device &dev);
// Runs the model once and records both times.
void timed_execute(Device &dev, std::uint32_t model, double timeout_s, RunTimes &times);
// Writes every input, runs the model once and reads every output in one exchange (Device::run():
// one turnaround on a clean line), with one progress bar for the bytes both ways; records the times.
std::vector<host::NdArray> run_once(Device &dev, std::uint32_t model, const std::map<std::uint32_t, host::NdArray> &inputs,
                                    double timeout_s, RunTimes &times);
json timing_json(const RunTimes &t);
std::string timing_text(const RunTimes &t);

json comparison_json(const host::Comparison &c, double atol, double rtol);
std::string comparison_text(const host::Comparison &c, double atol, double rtol);

}  // namespace tvmcrt::cli
