import StateModel
import Domain
import Foundation
import SealedState
import TestSupport

/// Cheap scrypt parameters for tests (N = 2^10); real states use `PassphraseKDF.standard`.
let testKDF = PassphraseKDF.scrypt(logN: 10, r: 8, p: 1)

func address(_ text: String) -> KeyAddress { KeyAddress(text)! }

/// A realistic secret: `sk-or-v1-` and 64 hex digits.
func makeSecret(_ seed: Int) -> KeySecret {
    var hex = ""
    var value = UInt64(truncatingIfNeeded: seed) &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234_5678
    while hex.count < 64 {
        value = value &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        hex += String(value >> 32, radix: 16)
    }
    return KeySecret("sk-or-v1-" + String(hex.prefix(64)))
}

func makeEntry(_ text: String, limit: String? = "10", created: TimeInterval = 1_750_000_000) -> StateEntry {
    StateEntry(address: address(text), hash: "hash-" + text.replacingOccurrences(of: "/", with: "-"), name: text,
               limit: limit.flatMap { USD(decimal: $0) }, limitReset: .monthly, createdAt: Date(timeIntervalSince1970: created))
}

/// A state folder in a fresh temp directory (not a git repository unless the test makes one).
struct Sandbox {
    let directory: TemporaryDirectory
    let store: StateStore

    init(git: Bool = false) throws {
        directory = try TemporaryDirectory(prefix: "keyplane-state")
        store = StateStore(folder: directory.url.appendingPathComponent("state"), displayName: "state")
    }

    func file(_ relative: String) -> URL { store.folder.appendingPathComponent(relative) }

    func read(_ relative: String) throws -> String { try String(contentsOf: file(relative), encoding: .utf8) }

    func write(_ text: String, to relative: String) throws { try Data(text.utf8).write(to: file(relative)) }
}
