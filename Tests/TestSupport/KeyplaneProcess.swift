public import Foundation
import Synchronization

/// Runs the built `keyplane` binary as a child process, the way a person or CI would.
public enum KeyplaneProcess {
    /// What a run printed and how it ended.
    public struct Output: Sendable {
        public var stdout: String
        public var stderr: String
        public var exitCode: Int32
        /// True when a signal ended the process (then `exitCode` is the signal's number).
        public var signaled = false
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

extension KeyplaneProcess {
    /// A `keyplane` child started in the background, for tests that kill it part-way. Its output
    /// goes to files, so it never blocks on a full pipe however long nobody reads it.
    public final class Running: @unchecked Sendable {
        // Only touched by the test that started it, one call at a time.
        private let process: Process
        private let outURL: URL
        private let errURL: URL
        private let exit: ExitSignal

        public var pid: Int32 { process.processIdentifier }
        public var isRunning: Bool { process.isRunning }

        init(process: Process, outURL: URL, errURL: URL, exit: ExitSignal) {
            self.process = process
            self.outURL = outURL
            self.errURL = errURL
            self.exit = exit
        }

        /// Waits until `condition` holds, checking it now and again after every change `events`
        /// reports, and returns true; returns false as soon as the child has ended without it
        /// holding. Its end wakes the wait too, so nothing here sleeps on a timer.
        public func waitWhileRunning(until condition: () throws -> Bool, events: FileEvents) async rethrows -> Bool {
            exit.observe { events.wake() }
            while true {
                guard !exit.hasEnded else { return false }
                if try condition() { return true }
                await events.next()
            }
        }

        /// Sends SIGKILL: the child gets no chance to clean up, like a crash or an OOM kill.
        public func kill() { _ = Foundation.kill(process.processIdentifier, SIGKILL) }

        /// Waits for the child to end, off the cooperative pool, and returns what it printed.
        public func wait() async -> Output {
            await withCheckedContinuation { continuation in
                Thread.detachNewThread {
                    self.process.waitUntilExit()
                    let stdout = (try? String(contentsOf: self.outURL, encoding: .utf8)) ?? ""
                    let stderr = (try? String(contentsOf: self.errURL, encoding: .utf8)) ?? ""
                    continuation.resume(returning: Output(
                        stdout: stdout, stderr: stderr, exitCode: self.process.terminationStatus,
                        signaled: self.process.terminationReason == .uncaughtSignal))
                }
            }
        }
    }

    /// Starts `keyplane arguments…` in `directory` and returns at once.
    public static func start(_ arguments: [String], in directory: URL, environment: [String: String] = [:],
                             outputFolder: URL) throws -> Running {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": NSTemporaryDirectory(), "NO_COLOR": "1"]
        env.merge(environment) { $1 }
        process.environment = env
        let name = UUID().uuidString
        let outURL = outputFolder.appendingPathComponent("\(name).out")
        let errURL = outputFolder.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        let exit = ExitSignal()
        process.terminationHandler = { _ in exit.end() }
        try process.run()
        return Running(process: process, outURL: outURL, errURL: errURL, exit: exit)
    }
}

/// Whether a child has ended, and what to call when it does.
final class ExitSignal: Sendable {
    private let state = Mutex<(ended: Bool, observers: [@Sendable () -> Void])>((false, []))

    var hasEnded: Bool { state.withLock { $0.ended } }

    /// Calls `observer` once the child has ended, at once if it already has.
    func observe(_ observer: @escaping @Sendable () -> Void) {
        let ended = state.withLock { state in
            if !state.ended { state.observers.append(observer) }
            return state.ended
        }
        if ended { observer() }
    }

    func end() {
        let observers = state.withLock { state in
            state.ended = true
            defer { state.observers = [] }
            return state.observers
        }
        for observer in observers { observer() }
    }
}
