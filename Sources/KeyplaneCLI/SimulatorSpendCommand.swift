import ArgumentParser
import Domain
import Foundation
import OpenRouterAPI
import OpenRouterSimulator

/// `keyplane simulator spend ADDRESS AMOUNT`: usage on a key in the embedded simulator, so demos
/// and trials show spend, billed amounts and keys near their limit.
struct SimulatorSpendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spend",
        abstract: "Record spend on a key in this repository's embedded simulator (for demos and trials).",
        discussion: """
            Adds AMOUNT US dollars of usage, now, to the key keyplane created for ADDRESS in the embedded \
            simulator (.keyplane/simulator.json), as if it had been used for inference. The next plan, \
            status or site shows it. It never touches a real OpenRouter account: only the embedded \
            simulator's data file is changed.
            """)

    @Argument(help: ArgumentHelp("The key's address, such as northwind/prod-api.", valueName: "address"))
    var address: String

    @Argument(help: ArgumentHelp("US dollars, such as 12.50.", valueName: "amount"))
    var amount: String

    @Flag(name: .long, help: "Count it as bring-your-own-key usage.")
    var byok = false

    @OptionGroup var repository: RepositoryOptions

    func run() async throws {
        guard let key = KeyAddress(address) else { throw ValidationError("'\(address)' is not a key address: write client/key or client/user/key") }
        guard let dollars = USD(decimal: amount), dollars > .zero else { throw ValidationError("'\(amount)' is not a positive amount of US dollars") }
        let dataFile = repository.rootURL.appendingPathComponent(CommandConnector.embeddedFolder).appendingPathComponent("simulator.json")
        guard FileManager.default.fileExists(atPath: dataFile.path) else {
            throw CommandFailure("there is no embedded simulator data in \(CommandConnector.embeddedFolder)/ yet: run `keyplane apply` against it first")
        }
        let simulator = try SimulatorState(managementKeys: [], dataFile: dataFile.path)
        // Every workspace's keys: a client's keys live in its own workspace.
        var keys: [APIKey] = []
        var workspaces: [APIWorkspace] = []
        while true {
            let page = await simulator.listWorkspaces(offset: workspaces.count, limit: WorkspaceListResponse.maximumPageSize).data
            workspaces += page
            if page.count < WorkspaceListResponse.maximumPageSize { break }
        }
        for workspace in workspaces {
            var listed = 0
            while true {
                let page = await simulator.list(includeDisabled: true, offset: listed, workspaceID: workspace.id)
                keys += page
                listed += page.count
                if page.count < KeyListResponse.pageSize { break }
            }
        }
        // keyplane names its keys "ADDRESS [marker]"; during a rotation's overlap the newest is current.
        guard let target = keys.filter({ $0.name == key.description || $0.name.hasPrefix("\(key) [") })
            .max(by: { $0.createdAt.date < $1.createdAt.date })
        else { throw CommandFailure("the embedded simulator has no key for \(key); apply the manifests first") }
        let updated = try await simulator.recordSpend(on: target.hash, amount: dollars, byok: byok)
        print("Recorded \(dollars) of \(byok ? "BYOK " : "")spend on \(key) (key \(target.hash.short)) in the embedded simulator; its usage is now \(updated.usage).")
    }
}
