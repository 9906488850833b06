// swift-tools-version: 6.1
// libFuzzer targets for polex's parsers. Not part of the main package, so a
// plain `swift build` / `swift test` never needs the fuzzer runtime. Build and
// run them with `scripts/fuzz` (see docs/testing.md).
import PackageDescription

let package = Package(
    name: "polex-fuzz",
    dependencies: [.package(name: "polex", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "PolicyIndex", package: "polex")]),
        .target(name: "FuzzTargets", dependencies: ["FuzzSupport"]),
        // Each entry point is a small C executable: libFuzzer provides main().
        .executableTarget(name: "FuzzFrontMatter", dependencies: ["FuzzTargets"]),
        .executableTarget(name: "FuzzHTML", dependencies: ["FuzzTargets"]),
        .executableTarget(name: "FuzzSentences", dependencies: ["FuzzTargets"]),
        .executableTarget(name: "FuzzDates", dependencies: ["FuzzTargets"]),
        .executableTarget(name: "FuzzQuery", dependencies: ["FuzzTargets"]),
    ],
    swiftLanguageModes: [.v6]
)
