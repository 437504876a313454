# Thin wrapper around CMake. See README.md.
#   make        optimised tree build/ (RelWithDebInfo): programs in build/bin, libraries in build/lib
#   make test   sanitizer tree build-asan/ (ASan+UBSan), whole suite with ctest -j2
#   make demo   build/ and run the demo against the simulated stick
#   make fuzz   clang libFuzzer harnesses in build-fuzz/
JOBS ?= 2

.PHONY: all deps build test demo fuzz install clean docs

all: build

deps:
	@scripts/install-deps.sh

build: deps
	cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build build -j$(JOBS)

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

clean:
	rm -rf build build-asan build-fuzz
