// swift-tools-version:6.2
// keyplane: OpenRouter API keys managed the GitOps way.
//
// The module list reads as the data flow (see README, "How it is built"):
//   Manifest (desired) + SealedState → StateModel (prior) + OpenRouterClient (refreshed)
//   → Plan → PlanFile / PlanReport → Engine (plan, apply, status operations) → Status / Site
//   → KeyplaneCLI (commands: options, a request, a view, a call)
// Each C library sits behind exactly one Swift module: Git (libgit2), Cryptography (libcrypto),
// Markdown (cmark-gfm), YAML (libyaml), JSONTree (cJSON, the fast path for pages of keys and
// state files). No C type appears in any public signature.
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

// The executables allocate through mimalloc (libmimalloc-dev) instead of glibc's malloc: a plan of
// 10,000 keys makes about a million small allocations, and with mimalloc it takes 10 to 15% less
// CPU time. Linked before libc, it replaces malloc and free for the whole process, C libraries
// included; no code calls it by name.
let allocator: [LinkerSetting] = [.linkedLibrary("mimalloc", .when(platforms: [.linux]))]

let package = Package(
    name: "keyplane",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "keyplane", targets: ["keyplane"]),
        .executable(name: "keyplane-synth", targets: ["keyplane-synth"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
    ],
    targets: [
        // MARK: C libraries, each wrapped by exactly one Swift module below.
        .systemLibrary(name: "CGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CcJSON", pkgConfig: "libcjson", providers: [.apt(["libcjson-dev"])]),

        // MARK: Wrappers.
        .target(name: "Git", dependencies: ["CGit2"], swiftSettings: swiftSettings),
        .target(name: "Cryptography", dependencies: ["COpenSSL"], swiftSettings: swiftSettings),
        .target(name: "Markdown", dependencies: ["CCmarkGFM"], swiftSettings: swiftSettings),
        .target(name: "YAML", dependencies: ["CYAML"], swiftSettings: swiftSettings),
        .target(name: "JSONTree", dependencies: ["CcJSON"], swiftSettings: swiftSettings),

        // MARK: The domain, from manifests to site.
        // Values every module shares: addresses, money, a key's settings, live keys, UTC time.
        .target(name: "Domain", swiftSettings: swiftSettings),
        // The one CPU-parallel primitive, and `offPool` for calling it from async code.
        .target(name: "Parallel", swiftSettings: swiftSettings),
        // The one atomic file writer and write loop.
        .target(name: "FileSystem", swiftSettings: swiftSettings),
        .target(
            name: "Manifest",
            dependencies: ["Domain", "Parallel", "YAML"],
            swiftSettings: swiftSettings),
        .target(name: "OpenRouterAPI", dependencies: ["Domain", "JSONTree"], swiftSettings: swiftSettings),
        .target(
            name: "OpenRouterSimulator",
            dependencies: [
                "OpenRouterAPI", "Cryptography",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        .target(
            name: "OpenRouterClient",
            dependencies: [
                "OpenRouterAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        // The state's domain data (the prior side of a plan); SealedState stores it.
        .target(name: "StateModel", dependencies: ["Domain"], swiftSettings: swiftSettings),
        .target(
            name: "SealedState", dependencies: ["Domain", "StateModel", "Cryptography", "Git", "Parallel", "JSONTree", "FileSystem"],
            swiftSettings: swiftSettings),
        // The planner and the plan: changes over resource kinds, drift, warnings, guards, as data.
        .target(name: "Plan", dependencies: ["Domain", "Manifest", "StateModel", "Parallel"], swiftSettings: swiftSettings),
        // The saved plan's versioned format and fingerprint.
        .target(name: "PlanFile", dependencies: ["Plan", "Domain", "Cryptography"], swiftSettings: swiftSettings),
        // The one markdown escaper: outside text goes in inert.
        .target(name: "MarkdownText", swiftSettings: swiftSettings),
        // Plans in words: one vocabulary (PlanWords), the terminal text and the PR markdown.
        .target(
            name: "PlanReport", dependencies: ["Plan", "PlanFile", "Domain", "Manifest", "MarkdownText"],
            swiftSettings: swiftSettings),
        .target(name: "Status", dependencies: ["Domain", "Manifest", "StateModel", "MarkdownText"], swiftSettings: swiftSettings),
        // The operations that own the pipelines: plan, apply (lock, journal, execute, commit,
        // push) and status, reporting through one observer.
        .target(
            name: "Engine",
            dependencies: [
                "Plan", "PlanFile", "PlanReport", "Domain", "Manifest", "StateModel", "SealedState", "Status",
                "OpenRouterAPI", "OpenRouterClient", "Git", "Cryptography", "Parallel", "MarkdownText", "FileSystem",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        .target(
            name: "Site",
            dependencies: [
                "Status", "Domain", "Manifest", "StateModel", "SealedState", "Markdown", "MarkdownText", "Git", "Parallel",
                "FileSystem",
            ],
            swiftSettings: swiftSettings),

        // MARK: Commands: a library that holds them, and a thin executable over it.
        .target(
            name: "KeyplaneCLI",
            dependencies: [
                "Domain", "Manifest", "OpenRouterAPI", "OpenRouterSimulator", "OpenRouterClient",
                "StateModel", "SealedState", "Git", "Markdown", "Plan", "PlanFile", "PlanReport", "Engine", "Status", "Site",
                "Parallel", "FileSystem",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings),
        .executableTarget(
            name: "keyplane", dependencies: ["KeyplaneCLI"], swiftSettings: swiftSettings, linkerSettings: allocator),

        // MARK: Benchmarks: synthetic repositories for script/bench, and the tool that makes them.
        .target(name: "SyntheticRepository", dependencies: ["Domain", "OpenRouterAPI"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "keyplane-synth",
            dependencies: [
                "SyntheticRepository", "Domain", "OpenRouterAPI", "OpenRouterClient", "OpenRouterSimulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings, linkerSettings: allocator),

        // MARK: Tests.
        .target(
            name: "TestSupport",
            dependencies: [
                "OpenRouterSimulator", "Git", "Domain", "StateModel", "SyntheticRepository",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings),
        .testTarget(name: "GitTests", dependencies: ["Git", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "CryptographyTests", dependencies: ["Cryptography"], swiftSettings: swiftSettings),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"], swiftSettings: swiftSettings),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"], swiftSettings: swiftSettings),
        .testTarget(name: "JSONTreeTests", dependencies: ["JSONTree"], swiftSettings: swiftSettings),
        .testTarget(name: "ParallelTests", dependencies: ["Parallel"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ManifestTests", dependencies: ["Manifest", "Domain", "TestSupport"],
            exclude: ["Corpus"], swiftSettings: swiftSettings),
        .testTarget(
            name: "OpenRouterTests",
            dependencies: [
                "OpenRouterAPI", "OpenRouterSimulator", "OpenRouterClient", "TestSupport", "Domain", "Cryptography",
                "YAML",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "SealedStateTests",
            dependencies: ["SealedState", "StateModel", "Cryptography", "Git", "TestSupport", "keyplane"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "PlanTests", dependencies: ["Plan", "PlanFile", "PlanReport", "Domain", "Manifest", "StateModel", "Markdown", "TestSupport"],
            exclude: ["Golden"], swiftSettings: swiftSettings),
        .testTarget(
            name: "StatusTests", dependencies: ["Status", "Site", "Domain", "Manifest", "StateModel", "SealedState", "Git", "TestSupport"],
            exclude: ["Golden"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SyntheticRepositoryTests",
            dependencies: ["SyntheticRepository", "Manifest", "Domain", "OpenRouterAPI", "TestSupport"],
            swiftSettings: swiftSettings),
        .testTarget(
            name: "EngineTests",
            dependencies: [
                "Engine", "Plan", "PlanFile", "Domain", "Manifest", "SealedState", "Git", "OpenRouterClient",
                "OpenRouterSimulator", "TestSupport",
            ],
            exclude: ["Golden"], swiftSettings: swiftSettings),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["keyplane", "TestSupport", "Git", "Domain", "OpenRouterAPI", "OpenRouterSimulator", "Markdown"],
            swiftSettings: swiftSettings),
    ]
)
