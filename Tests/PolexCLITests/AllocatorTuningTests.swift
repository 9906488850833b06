import Testing

@testable import polex

struct AllocatorTuningTests {
    /// glibc's `mallopt` is found at run time and takes the heap padding.
    @Test func theAllocatorTakesThePadding() {
        #if canImport(Glibc)
            #expect(AllocatorTuning.apply())
        #else
            #expect(!AllocatorTuning.apply())
        #endif
    }
}
