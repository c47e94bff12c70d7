# SPDX-License-Identifier: Apache-2.0
"""Builds tvmcrt._tvmcrt with the project's CMake (python/CMakeLists.txt), so pip and CMake build
the same module from the same flags: pip install --no-build-isolation ./python.

  TVMCRT_BUILD_DIR   a configured tvmcrt build to build the module in (reused as it is);
                     default: <source>/build-pip, configured here without tests, benchmarks or
                     firmware
  TVMCRT_SOURCE_DIR  the tvmcrt source tree (default: this folder's parent)
  TVMCRT_CMAKE_ARGS  extra CMake arguments for build-pip (e.g. -DTVMCRT_BUILD_FIRMWARE=ON, so that
                     connect() with no port finds an image to boot)
"""
import os
import pathlib
import shlex
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = pathlib.Path(__file__).resolve().parent


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        source = pathlib.Path(os.environ.get("TVMCRT_SOURCE_DIR", HERE.parent)).resolve()
        if not (source / "host" / "lib" / "device.hpp").is_file():
            sys.exit("tvmcrt: %s is not the tvmcrt source tree (python/ must sit in it, or set "
                     "TVMCRT_SOURCE_DIR)" % source)
        build = os.environ.get("TVMCRT_BUILD_DIR")
        if build:
            build = pathlib.Path(build).resolve()
        else:
            build = source / "build-pip"
            args = ["-DCMAKE_BUILD_TYPE=Release", "-DTVMCRT_BUILD_TESTS=OFF", "-DTVMCRT_BUILD_BENCH=OFF",
                    "-DTVMCRT_BUILD_FIRMWARE=OFF", "-DTVMCRT_PYTHON=" + sys.executable]
            try:
                import pybind11
                args.append("-Dpybind11_DIR=" + pybind11.get_cmake_dir())
            except ImportError:
                pass  # CMake then looks for Debian's pybind11-dev itself
            args += shlex.split(os.environ.get("TVMCRT_CMAKE_ARGS", ""))
            subprocess.check_call(["cmake", "-S", str(source), "-B", str(build)] + args)
        jobs = str(os.cpu_count() or 2)
        subprocess.check_call(["cmake", "--build", str(build), "--target", "tvmcrt_python", "-j", jobs])
        built = sorted((build / "python" / "tvmcrt").glob("_tvmcrt*.so"))
        if not built:
            sys.exit("tvmcrt: no _tvmcrt module in %s/python/tvmcrt (is pybind11-dev installed? "
                     "scripts/setup installs it)" % build)
        target = pathlib.Path(self.get_ext_fullpath(ext.name))
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[-1], target)


# The one version of every part of tvmcrt, from the source tree's VERSION file.
VERSION = (pathlib.Path(os.environ.get("TVMCRT_SOURCE_DIR", HERE.parent)) / "VERSION").read_text().split()[0]

setup(version=VERSION, ext_modules=[Extension("tvmcrt._tvmcrt", sources=[])], cmdclass={"build_ext": CMakeBuild})
