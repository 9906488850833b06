/// The entry point: tunes the allocator before any work, then runs the
/// command line.
@main
enum PolexMain {
    static func main() {
        AllocatorTuning.apply()
        Polex.main()
    }
}
