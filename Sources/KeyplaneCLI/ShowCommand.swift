import ArgumentParser
import Foundation
import PlanFile

/// `keyplane show PLAN`: a saved plan rendered again, in any format, without refreshing anything.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Render a plan saved with `keyplane plan --out FILE` as text, pull-request markdown or JSON.",
        discussion: """
            Reads the file only: nothing is refreshed, opened or changed. The plan is checked as `apply FILE` \
            checks it (its format version and its fingerprint), so what is shown is exactly what would be applied.
            """)

    @Argument(help: ArgumentHelp("A plan saved with `keyplane plan --out FILE`.", valueName: "file"))
    var planFile: String

    @Option(name: .long, help: "Output format: text, markdown (for a pull-request comment) or json.")
    var format: PlanFormat = .text

    func run() throws {
        print(try format.render(try Self.read(planFile)), terminator: "")
    }

    /// The saved plan at `path`, or a failure that says why it cannot be read.
    static func read(_ path: String) throws -> PlanDocument {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            let reason = FileManager.default.fileExists(atPath: path) ? "it cannot be read" : "there is no such file"
            throw CommandFailure("cannot read the plan file \(path): \(reason)")
        }
        do { return try PlanDocument.decode(data) } catch { throw CommandFailure("\(path): \(error)") }
    }
}
