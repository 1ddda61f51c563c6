# Thin wrapper over CMake. `make demo` and `make test` are the README's two commands.
JOBS ?= $(shell nproc)
BUILD ?= build

.PHONY: demo test test-asan bench fuzz build setup clean

setup:
	@scripts/setup

build: setup
	@cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release > /dev/null
	@cmake --build $(BUILD) -j $(JOBS)

# The main job: build in Release and run the tour.
demo: build
	@$(BUILD)/axon tour

# Unit tests, gradient checks, the CLI and the installed-library consumer.
test: build
	@cd $(BUILD) && ctest -j $(JOBS) --output-on-failure --timeout 600

# The same tests under AddressSanitizer and UndefinedBehaviorSanitizer (Debug).
test-asan: setup
	@cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DAXON_SANITIZE=ON > /dev/null
	@cmake --build build-asan -j $(JOBS)
	@cd build-asan && ASAN_OPTIONS=detect_leaks=1 ctest -j $(JOBS) --output-on-failure --timeout 900

# Micro-benchmarks and side-by-side comparisons with the peers (installs them first).
bench:
	@scripts/setup --bench
	@cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DAXON_BUILD_BENCH=ON -DAXON_BUILD_TESTS=OFF > /dev/null
	@cmake --build build-bench -j $(JOBS)
	@bench/run build-bench

# libFuzzer targets for the file readers (clang), each run briefly; see fuzz/README.md.
fuzz:
	@scripts/setup --fuzz
	@cmake -S fuzz -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
	@cmake --build build-fuzz -j $(JOBS)
	@fuzz/run build-fuzz

clean:
	rm -rf build build-asan build-bench build-fuzz
