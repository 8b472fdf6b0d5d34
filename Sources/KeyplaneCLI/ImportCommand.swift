import ArgumentParser
import Domain
import Engine
import Plan

/// `keyplane import ADDRESS HASH`: takes an existing OpenRouter key under management.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Adopt an existing OpenRouter key, by its hash, as the key at ADDRESS.",
        discussion: """
            ADDRESS must be declared in the manifests. The key is found by its OpenRouter hash, never by \
            name. Its secret is unknown to keyplane (OpenRouter showed it only once, to whoever created it), \
            and the state and STATUS.md say so. The adoption is a plan with an `adopt` change, applied like \
            any other: behind the apply lock, and committed. Settings that differ from the manifest are \
            set as declared. A management key can never be imported.
            """)

    @Argument(help: ArgumentHelp("The key's address in the manifests (client/key or client/user/key).", valueName: "address"))
    var address: String

    @Argument(help: ArgumentHelp("The key's OpenRouter hash (64 hex characters).", valueName: "hash"))
    var hash: String

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var credentials: CredentialOptions
    @OptionGroup var api: APIOptions

    @Flag(name: .long, help: "Import without asking for confirmation.")
    var autoApprove = false

    func run() async throws {
        let address = try PlanCommand.address(address, option: "ADDRESS")
        guard hash.count == 64, hash.allSatisfy(\.isHexDigit) else {
            throw ValidationError("HASH must be the key's 64-character OpenRouter hash, not its name or label")
        }
        try await ApplyCommand.apply(
            repository: repository, credentials: credentials, api: api, format: .text,
            request: ApplyRequest(
                saved: nil,
                plan: PlanRequest(options: PlanOptions(targets: [address]), adoptions: [address: hash.lowercased()],
                                  now: Clock.now(), toolVersion: KeyplaneVersion.current),
                autoApprove: autoApprove, parallelism: 1, push: nil, author: ApplyCommand.author(),
                holder: ApplyLock.describeThisRun(), approveWith: "keyplane import \(address) \(hash.lowercased()) --auto-approve"))
    }
}
