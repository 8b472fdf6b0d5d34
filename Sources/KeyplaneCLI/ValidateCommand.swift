import ArgumentParser

/// `keyplane validate [PATH]`.
struct ValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the manifests and report every problem as path:line:col.")

    @Argument(help: "The manifests folder or file.")
    var path: String = "manifests"

    func run() async throws {
        print("validate: not yet")
    }
}
