// libFuzzer supplies main() and calls this for every input.
#include <stddef.h>
#include <stdint.h>

int polex_fuzz_query(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) { return polex_fuzz_query(data, size); }
