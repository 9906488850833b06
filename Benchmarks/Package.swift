// swift-tools-version: 6.1
// Micro-benchmarks for polex, kept in their own package so that the root
// package's `swift build` and `swift test` never compile the benchmark
// framework. Run from this folder: `swift package benchmark`.
import PackageDescription

let package = Package(
    name: "PolexBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "polex", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PolexBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "PolicyIndex", package: "polex"),
                .product(name: "Explorer", package: "polex"),
                .product(name: "TextUI", package: "polex"),
            ],
            path: "Benchmarks/PolexBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ],
    swiftLanguageModes: [.v6]
)
