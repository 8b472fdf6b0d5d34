public import Foundation

/// Runs the built `keyplane` binary as a child process, the way a person or CI would.
public enum KeyplaneProcess {
    /// What a run printed and how it ended.
    public struct Output: Sendable {
        public var stdout: String
        public var stderr: String
        public var exitCode: Int32
        /// Both streams, for scanning for leaked secrets.
        public var combined: String { stdout + stderr }
    }

    /// The binary next to the test bundle in the build folder.
    public static var binary: URL {
        // The test runner is inside the build folder (e.g. .build/debug/keyplanePackageTests.xctest),
        // and the keyplane executable is built into the same folder.
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("keyplane")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "keyplane")
    }

    /// Runs `keyplane arguments…` in `directory` with `environment` added to a minimal environment.
    public static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                           stdin: String? = nil) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "NO_COLOR": "1"]
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Output(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                      exitCode: process.terminationStatus)
    }
}

extension KeyplaneProcess {
    /// `run`, waiting on a thread outside Swift's cooperative pool. Tests that serve a simulator
    /// in-process must use this: the pool has one thread per core, and a test blocked in
    /// `waitUntilExit` on each of them would leave none for the simulator to answer the child.
    public static func runDetached(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                                   stdin: String? = nil) async throws -> Output {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try run(arguments, in: directory, environment: environment, stdin: stdin) })
            }
        }
    }
}
