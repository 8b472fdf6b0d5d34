import ArgumentParser
import Domain
import Foundation
import SealedState
import StateModel

/// `keyplane state bench --secrets N` (hidden): times sealing and opening a throwaway state of N
/// secrets, for the benchmark harness. The state lives in a temporary folder with the cheapest
/// scrypt parameters, so the figures are the state's own cost, not the key derivation's. Prints
/// one JSON line: wall-clock seconds, and the CPU seconds of every thread of the process, which a
/// machine busy with other work inflates less.
struct StateBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time sealing, writing and opening a temporary state of N secrets (for benchmarks).",
        shouldDisplay: false)

    /// One run's figures, in seconds.
    struct Figures: Encodable {
        var secrets: Int
        var clients: Int
        var sealWriteSeconds: Double
        var openSeconds: Double
        var oneSecretSeconds: Double
        var sealWriteCPUSeconds: Double
        var openCPUSeconds: Double

        enum CodingKeys: String, CodingKey {
            case secrets, clients
            case sealWriteSeconds = "seal_write_seconds"
            case openSeconds = "open_seconds"
            case oneSecretSeconds = "one_secret_seconds"
            case sealWriteCPUSeconds = "seal_write_cpu_seconds"
            case openCPUSeconds = "open_cpu_seconds"
        }
    }

    @Option(name: .long, help: "How many secrets the state holds.")
    var secrets: Int = 10_000

    @Option(name: .long, help: "Across how many clients they are spread.")
    var clients: Int = 50

    func validate() throws {
        guard secrets >= 1, clients >= 1 else { throw ValidationError("--secrets and --clients must be at least 1") }
    }

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("keyplane-bench-\(UUID().uuidString)")
        defer {
            do { try FileManager.default.removeItem(at: folder) } catch {
                var standardError = StandardError()
                print("warning: cannot remove \(folder.path): \(error.localizedDescription)", to: &standardError)
            }
        }
        let store = StateStore(folder: folder.appendingPathComponent("state"), checksGitHistory: false, displayName: "state")
        let passphrase = Passphrase("keyplane bench")
        // The cheapest scrypt parameters this build accepts: the KDF costs microseconds.
        let kdf = PassphraseKDF.scrypt(logN: 1, r: 1, p: 1)
        var opened = try CommandFailure.context("cannot create the state") { try store.initialize(recipients: [.passphrase(passphrase, kdf)]) }
        let created = Date(timeIntervalSince1970: 1_750_000_000)
        let entries = (0..<secrets).map { index in
            let address = KeyAddress("client-\(index % clients)/key-\(index)")!
            return (StateEntry(address: address, hash: "hash-\(index)",
                               values: KeyValues(name: "\(address)", limit: USD(decimal: "10"), limitReset: .monthly),
                               createdAt: created),
                    KeySecret("sk-or-v1-" + String(repeating: String(index, radix: 16), count: 64).prefix(64)))
        }

        let clock = ContinuousClock()
        let cpuBefore = Self.processCPUSeconds()
        let sealWrite = try clock.measure {
            for (entry, secret) in entries { try opened.upsert(entry, secret: secret) }
            try store.write(&opened)
        }
        let cpuSealed = Self.processCPUSeconds()
        var reopened: OpenedState?
        let open = try clock.measure { reopened = try store.open(with: Credentials(passphrase: passphrase)) }
        let cpuOpened = Self.processCPUSeconds()
        let one = try clock.measure { _ = try reopened?.secret(for: entries[entries.count / 2].0.address) }
        guard reopened?.state.entries.count == secrets else { throw CommandFailure("the reopened state lost entries") }

        let figures = Figures(secrets: secrets, clients: min(clients, secrets), sealWriteSeconds: sealWrite.seconds,
                              openSeconds: open.seconds, oneSecretSeconds: one.seconds,
                              sealWriteCPUSeconds: cpuSealed - cpuBefore, openCPUSeconds: cpuOpened - cpuSealed)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        print(String(decoding: try encoder.encode(figures), as: UTF8.self))
    }
}

extension StateBenchCommand {
    /// User and system CPU time of all the process's threads so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        #if os(Linux)
        let status = getrusage(RUSAGE_SELF.rawValue, &usage)
        #else
        let status = getrusage(RUSAGE_SELF, &usage)
        #endif
        guard status == 0 else { return .nan }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    fileprivate var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
