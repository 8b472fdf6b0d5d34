public import Foundation
import Domain

/// A synthetic keyplane repository's manifests, for benchmarks: clients with users and keys of
/// mixed limits, resets, expiries, rotations and labels, made deterministically from a seed.
///
/// Every client gets one file, `clients/client-NNNN.yaml`, beside `keyplane.yaml` with the policy.
/// The manifests validate without a single diagnostic: caps are set above what a client's keys
/// can spend, no key expires before its rotation is due, and no expiry is an absolute date, so
/// the output does not depend on the day it is made.
public struct SyntheticRepository: Sendable {
    public let shape: SyntheticShape
    public let seed: UInt64
    public let clients: [SyntheticClient]

    /// The policy every generated repository declares.
    public static let policy = (defaultExpiry: "365d", maximumExpiry: "2y", defaultReset: "monthly")

    public init(shape: SyntheticShape, seed: UInt64) {
        self.shape = shape
        self.seed = seed
        var random = SeededGenerator(seed: seed)
        clients = (0..<shape.clients).map { Self.makeClient(number: $0 + 1, shape: shape, random: &random) }
    }

    public var keyCount: Int { clients.reduce(0) { $0 + $1.keyCount } }

    /// The manifests folder's files, sorted by path.
    public var files: [SyntheticFile] {
        [SyntheticFile(path: "keyplane.yaml", text: policyText)]
            + clients.map { SyntheticFile(path: "clients/\($0.id).yaml", text: text(for: $0)) }
    }

    /// Writes the files into `folder`, which must not exist yet.
    public func write(to folder: URL) throws {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: folder.path) else {
            throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: folder.path])
        }
        try manager.createDirectory(at: folder.appendingPathComponent("clients"), withIntermediateDirectories: true)
        for file in files {
            try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.path), options: .atomic)
        }
    }

    // MARK: Generation

    private static let firstNames = ["Ada", "Amara", "Björn", "Chen", "Dara", "Elif", "Farah", "Gustav", "Hana", "Ines",
                                     "Jonas", "Kofi", "Lucía", "Maria", "Noor", "Owen", "Priya", "Quentin", "Rosa", "Sven",
                                     "Tomás", "Uma", "Viktor", "Wen", "Yusuf", "Zofia"]
    private static let lastNames = ["Becker", "Costa", "Dubois", "Eriksen", "Ferreira", "García", "Haddad", "Ito", "Johansson",
                                    "Kowalski", "Lindqvist", "Moreau", "Nakamura", "Okafor", "Price", "Raman", "Sato", "Tanaka",
                                    "Usman", "Varga", "Wagner", "Yilmaz"]
    private static let companyWords = ["Analytics", "Health", "Studio", "Logistics", "Robotics", "Media", "Labs", "Finance",
                                       "Energy", "Travel", "Foods", "Security"]
    private static let services = ["api", "search", "chat", "summaries", "support-bot", "ingest", "reports", "translate"]

    private static func makeClient(number: Int, shape: SyntheticShape, random: inout SeededGenerator) -> SyntheticClient {
        let id = "client-" + padded(number, 4)
        // One client in five has a few keys without a limit, and so no monthly cap.
        let unlimited = random.chance(0.2)
        var keys: [SyntheticKey] = []
        for index in 0..<shape.clientKeysPerClient { keys.append(clientKey(index: index, unlimited: unlimited, random: &random)) }
        var users: [SyntheticUser] = []
        for index in stride(from: 1, through: shape.usersPerClient, by: 1) {
            let name = "\(random.pick(firstNames)) \(random.pick(lastNames))"
            users.append(SyntheticUser(id: "c\(padded(number, 4))-u\(padded(index, 3))", name: name,
                                       email: "u\(padded(index, 3))@\(id).example", key: personalKey(unlimited: unlimited, random: &random)))
        }

        // The cap sits a quarter above what the enabled keys can spend, rounded up to $100, so the
        // cap check passes; with an unlimited key the cap could not be enforced, so there is none.
        let enabled = (keys + users.map(\.key)).filter { !$0.disabled }
        var cap: USD?
        if enabled.allSatisfy({ $0.limit != nil }) {
            let total = enabled.reduce(USD.zero) { $0 + ($1.monthlyExposure ?? .zero) }
            let hundred = USD(nanos: 100 * USD.nanosPerDollar)
            let wanted = total.nanos + total.nanos / 4
            cap = USD(nanos: (wanted / hundred.nanos + 1) * hundred.nanos)
        }
        return SyntheticClient(
            id: id, name: "Client \(padded(number, 4)) \(random.pick(companyWords))",
            billingEmail: "billing@\(id).example", markup: random.pick(["1", "1.1", "1.15", "1.2", "1.25", "1.3", "1.5"]),
            monthlyCap: cap, currency: random.pick(["USD", "USD", "USD", "EUR", "GBP"]), users: users, keys: keys)
    }

    /// Key 0 is the client's protected, rotating production API key; the others are a mix of
    /// production, staging, development and batch keys.
    private static func clientKey(index: Int, unlimited: Bool, random: inout SeededGenerator) -> SyntheticKey {
        guard index > 0 else {
            var key = SyntheticKey(name: "prod-api")
            key.limit = random.pick(["250", "500", "800", "1000"]).usd
            key.reset = "monthly"
            key.protect = true
            key.includeBYOKInLimit = random.chance(0.3)
            key.rotation = .init(every: "90d", overlap: "2d")
            key.labels = [.init(name: "environment", value: "production"), .init(name: "service", value: "api")]
            return key
        }
        let environment = random.pick(["production", "staging", "staging", "development", "batch", "batch", "batch"])
        var key = SyntheticKey(name: "\(environment == "production" ? "prod" : environment)-\(padded(index, 3))")
        switch environment {
        case "production":
            key.limit = random.pick(["100", "150", "250", "400"]).usd
            key.reset = random.pick(["monthly", "weekly", nil])
            key.protect = random.chance(0.5)
            if random.chance(0.4) { key.rotation = .init(every: random.pick(["60d", "90d", "120d"]), overlap: "1d") }
        case "staging":
            key.limit = random.pick(["2", "3", "5", "10"]).usd
            key.reset = "daily"
            key.expires = random.pick([nil, "90d", "180d"])
        case "development":
            key.limit = unlimited && random.chance(0.2) ? nil : random.pick(["0.75", "1", "2.5", "5"]).usd
            key.reset = random.pick(["daily", "weekly", "none"])
            key.expires = random.pick(["30d", "90d", nil])
        default:
            key.limit = random.pick(["20", "50", "75", "120"]).usd
            key.reset = random.pick(["monthly", "weekly", "none", nil])
            key.expires = random.pick([nil, nil, "180d", "730d"])
        }
        key.includeBYOKInLimit = random.chance(0.2)
        key.disabled = environment != "production" && random.chance(0.03)
        key.labels = [.init(name: "environment", value: environment)]
        if random.chance(0.5) { key.labels.append(.init(name: "service", value: random.pick(services))) }
        return key
    }

    private static func personalKey(unlimited: Bool, random: inout SeededGenerator) -> SyntheticKey {
        var key = SyntheticKey(name: "personal")
        key.limit = unlimited && random.chance(0.05) ? nil : random.pick(["1", "2", "2.5", "5", "10", "15", "20"]).usd
        key.reset = random.pick(["daily", "daily", "weekly", "monthly", "none", nil])
        key.expires = random.chance(0.25) ? random.pick(["30d", "90d", "180d"]) : nil
        key.includeBYOKInLimit = random.chance(0.1)
        key.disabled = random.chance(0.02)
        return key
    }
}

/// `number` in decimal, zero-padded to `width` digits.
private func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

extension String {
    /// A decimal amount known to be valid.
    fileprivate var usd: USD { USD(decimal: self)! }
}
