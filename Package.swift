// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "winnow",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "Winnow", targets: ["Winnow"]),
        .executable(name: "winnow", targets: ["winnow"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // ICU behind an opaque C API: its public header uses only <stdint.h>, so Swift files that
        // import Foundation (which carries its own private ICU) never see ICU's types.
        .target(
            name: "CICU",
            linkerSettings: [.linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata")]
        ),
        .target(
            name: "Winnow",
            dependencies: ["CICU", .product(name: "Yams", package: "Yams")],
            exclude: ["Boilerplate/Stopwords/LICENSE-stopwords-iso.md"]
        ),
        .executableTarget(
            name: "winnow",
            dependencies: ["Winnow", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(
            name: "WinnowTests",
            dependencies: ["Winnow", "winnow"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
