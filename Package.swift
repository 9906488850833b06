// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "polex",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "polex", targets: ["polex"]),
        .library(name: "PolicyIndex", targets: ["PolicyIndex"]),
        // For the separate Benchmarks/ package, which times the explorer's frames.
        .library(name: "Explorer", targets: ["Explorer"]),
        .library(name: "TextUI", targets: ["TextUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
    ],
    targets: [
        // Pure model: loading, text, sentences, index, actors, relations, quotes, timeline.
        .target(name: "PolicyIndex", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Pure drawing kit: cells, styles, canvas, widths, widgets, input vocabulary.
        .target(name: "TextUI"),
        // Pure app logic: state, commands, keymap, update, views.
        .target(name: "Explorer", dependencies: ["TextUI", "PolicyIndex"]),
        // The only code that talks to ncurses.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "Terminal", dependencies: ["CNcursesw", "TextUI"]),
        .executableTarget(
            name: "polex",
            dependencies: [
                "PolicyIndex", "Explorer", "Terminal", "TextUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            resources: []
        ),
        // Fixtures are read from the source tree (fuzz findings replayed by FuzzRegressionTests).
        .testTarget(name: "PolicyIndexTests", dependencies: ["PolicyIndex"], exclude: ["Fixtures"]),
        .testTarget(name: "TextUITests", dependencies: ["TextUI"]),
        .testTarget(
            name: "ExplorerTests",
            dependencies: [
                "Explorer", "TextUI", "PolicyIndex",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ]),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "TextUI", "CNcursesw"]),
        // Runs the built `polex` binary: CLI contract tests and tmux end-to-end tests.
        // It also opens hostile corpora into the explorer's model (Explorer, PolicyIndex, TextUI).
        .testTarget(name: "PolexCLITests", dependencies: ["polex", "Explorer", "PolicyIndex", "TextUI"]),
    ],
    swiftLanguageModes: [.v6]
)
