// SPDX-License-Identifier: Apache-2.0
#include "npz.hpp"

#include <zip.h>

#include <algorithm>
#include <memory>

#include "error.hpp"

namespace tvmcrt::host {

namespace {

[[noreturn]] void fail(const std::string &what, const std::string &msg) {
  throw Error(ErrorClass::file, what + ": " + msg);
}

struct ArchiveCloser {
  void operator()(zip_t *z) const { zip_discard(z); }
};
using Archive = std::unique_ptr<zip_t, ArchiveCloser>;

std::vector<std::pair<std::string, NdArray>> read_members(zip_t *z, const std::string &what) {
  std::vector<std::pair<std::string, NdArray>> out;
  const zip_int64_t n = zip_get_num_entries(z, 0);
  for (zip_int64_t i = 0; i < n; ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME) ||
        !(st.valid & ZIP_STAT_SIZE))
      fail(what, "cannot read member " + std::to_string(i) + " of the archive: " + zip_strerror(z));
    std::string name = st.name;
    const std::string member = what + "[" + name + "]";
    if (name.size() < 5 || name.compare(name.size() - 4, 4, ".npy") != 0)
      fail(member, "a .npz holds NAME.npy members only (numpy.savez); this is not one");
    if (st.size > kMaxNpzMember)
      fail(member, std::to_string(st.size) + " bytes uncompressed, more than any tensor tvmcrt moves (256 MiB)");
    std::unique_ptr<zip_file_t, int (*)(zip_file_t *)> f(zip_fopen_index(z, static_cast<zip_uint64_t>(i), 0),
                                                          zip_fclose);
    if (!f) fail(member, std::string("cannot open it: ") + zip_strerror(z));
    // Grown as the data arrives, not sized from the archive's claim: a few bytes of zip that
    // claim a gigabyte cost a gigabyte only if they really inflate to it.
    std::vector<std::uint8_t> bytes;
    std::uint8_t chunk[65536];
    while (bytes.size() < st.size) {
      const zip_int64_t r = zip_fread(f.get(), chunk, std::min<zip_uint64_t>(sizeof chunk, st.size - bytes.size()));
      if (r <= 0) fail(member, std::string("truncated or damaged: ") + zip_file_strerror(f.get()));
      bytes.insert(bytes.end(), chunk, chunk + r);
    }
    name.resize(name.size() - 4);
    out.emplace_back(name, npy_parse(bytes.data(), bytes.size(), member));
  }
  if (out.empty()) fail(what, "the archive holds no arrays");
  return out;
}

std::string zip_error_text(int code) {
  zip_error_t e;
  zip_error_init_with_code(&e, code);
  std::string text = zip_error_strerror(&e);
  zip_error_fini(&e);
  return text;
}

}  // namespace

std::vector<std::pair<std::string, NdArray>> npz_load(const std::string &path) {
  int err = 0;
  Archive z(zip_open(path.c_str(), ZIP_RDONLY, &err));
  if (!z)
    fail(path, err == ZIP_ER_NOZIP ? std::string("not a .npz (zip) file; save arrays with numpy.savez")
                                   : "cannot open: " + zip_error_text(err));
  return read_members(z.get(), path);
}

std::vector<std::pair<std::string, NdArray>> npz_parse(const void *bytes, std::size_t len, const std::string &what) {
  zip_error_t e;
  zip_error_init(&e);
  zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &e);
  if (src == nullptr) fail(what, zip_error_strerror(&e));
  Archive z(zip_open_from_source(src, ZIP_RDONLY, &e));
  if (!z) {
    zip_source_free(src);
    const std::string text = zip_error_strerror(&e);
    zip_error_fini(&e);
    fail(what, "not a .npz (zip) archive: " + text);
  }
  zip_error_fini(&e);
  return read_members(z.get(), what);
}

void npz_save(const std::string &path, const std::vector<std::pair<std::string, NdArray>> &arrays) {
  int err = 0;
  Archive z(zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err));
  if (!z) fail(path, "cannot write: " + zip_error_text(err) + " (is the directory writable?)");
  std::vector<std::vector<std::uint8_t>> keep;  // libzip reads the buffers when the archive closes
  keep.reserve(arrays.size());
  for (const auto &[name, array] : arrays) {
    keep.push_back(npy_serialize(array));
    zip_source_t *src = zip_source_buffer(z.get(), keep.back().data(), keep.back().size(), 0);
    if (src == nullptr || zip_file_add(z.get(), (name + ".npy").c_str(), src, ZIP_FL_OVERWRITE) < 0) {
      if (src != nullptr) zip_source_free(src);
      fail(path, "cannot add " + name + ".npy: " + zip_strerror(z.get()));
    }
  }
  if (zip_close(z.get()) != 0) fail(path, std::string("cannot write: ") + zip_strerror(z.get()));
  (void)z.release();  // zip_close freed it
}

}  // namespace tvmcrt::host
