import ArgumentParser
import Engine
import Foundation

extension KeyplaneCommand {
    /// The process entry point: parses the arguments, runs the chosen command (awaiting it when it
    /// is asynchronous) and exits with its exit code.
    public static func runAsMain(_ arguments: [String]? = nil) async -> Never {
        // The process exits when its one command is done: operations keep their big values
        // until then instead of releasing them object by object (see `ExitTimeMemory`).
        ExitTimeMemory.keepUntilExit()
        do {
            var command = try parseAsRoot(try changingDirectory(arguments ?? Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit()
        } catch {
            exit(withError: error)
        }
    }

    /// Carries out leading `-C DIR` options as git does, each relative to the one before, and
    /// returns the arguments after them: `keyplane -C ../acme-keys plan` runs `plan` as if started
    /// in `../acme-keys`.
    static func changingDirectory(_ arguments: [String]) throws -> [String] {
        var rest = arguments[...]
        while rest.first == "-C" {
            rest.removeFirst()
            guard let folder = rest.popFirst() else { throw ValidationError("-C needs a folder: keyplane -C DIR COMMAND") }
            guard FileManager.default.changeCurrentDirectoryPath(folder) else {
                throw ValidationError("-C \(folder): no such folder, or it cannot be entered")
            }
        }
        return Array(rest)
    }
}
