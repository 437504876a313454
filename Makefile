# Thin wrapper around CMake. See README.md.
#   make        optimised tree build/ (RelWithDebInfo): programs in build/bin, libraries in build/lib
#   make test   sanitizer tree build-asan/ (ASan+UBSan), whole suite with ctest -j2
#   make demo   build/ and run the demo against the simulated stick
#   make fuzz   clang libFuzzer harnesses in build-fuzz/
#   make package  Debian packages libzwhost0, libzwhost-dev, zwhost-tools in build-pkg/
#   make docs   API reference (Doxygen) in build/docs/html; not part of make test
JOBS ?= 2

.PHONY: all deps build test demo fuzz install package clean docs

all: build

deps:
	@scripts/install-deps.sh

build: deps
	cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build build -j$(JOBS)

# build/ first: the Python binding's tests (ctest integration/test_python) load the
# non-sanitized library and zwh-sim from build/.
test: build
	cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DZWH_SANITIZE=ON >/dev/null
	cmake --build build-asan -j$(JOBS)
	cd build-asan && ctest -j2 --output-on-failure --timeout 600

demo: build
	@scripts/demo.sh

fuzz: deps
	CC=clang cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=Debug -DZWH_FUZZ=ON >/dev/null
	cmake --build build-fuzz -j$(JOBS)

install: build
	cmake --install build

# A tree of its own, configured for /usr so GNUInstallDirs picks Debian's multiarch
# libdir; no tests. CPack strips the binaries (cmake/zwhostPackaging.cmake).
package: deps
	cmake -S . -B build-pkg -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=/usr -DZWH_TESTS=OFF >/dev/null
	cmake --build build-pkg -j$(JOBS)
	cd build-pkg && cpack -G DEB
	@ls -1 build-pkg/*.deb

docs:
	@scripts/install-deps.sh doxygen
	@scripts/docs.sh

clean:
	rm -rf build build-asan build-fuzz build-pkg
