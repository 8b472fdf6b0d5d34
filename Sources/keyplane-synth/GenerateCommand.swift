import ArgumentParser
import Foundation
import SyntheticRepository

/// `keyplane-synth generate --keys N --out DIR`: a synthetic manifests folder.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a manifests folder with N keys: 100 per client, 50 users with a personal key and 50 client keys.")

    @Option(name: .long, help: "How many keys: a multiple of 100, one client per 100.")
    var keys: Int = 10_000

    @Option(name: .long, help: "Instead of --keys: the number of clients (with --users-per-client and --client-keys-per-client).")
    var clients: Int?

    @Option(name: .long, help: "Users per client, each with a personal key (with --clients).")
    var usersPerClient = 50

    @Option(name: .long, help: "Client keys per client (with --clients).")
    var clientKeysPerClient = 50

    @Option(name: .long, help: "The seed; the same seed and shape give the same files.")
    var seed: UInt64 = 1

    @Option(name: .long, help: ArgumentHelp("The manifests folder to create; it must not exist.", valueName: "dir"))
    var out: String

    func run() throws {
        let shape: SyntheticShape
        do {
            if let clients {
                shape = try SyntheticShape(clients: clients, usersPerClient: usersPerClient, clientKeysPerClient: clientKeysPerClient)
            } else {
                shape = try SyntheticShape(keys: keys)
            }
        } catch {
            throw ValidationError(error.description)
        }
        let repository = SyntheticRepository(shape: shape, seed: seed)
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        guard !FileManager.default.fileExists(atPath: folder.path) else {
            throw ValidationError("\(out) already exists; generate writes a new folder")
        }
        try repository.write(to: folder)
        print("Wrote \(repository.files.count) files to \(out): \(shape) (seed \(seed)).")
    }
}
