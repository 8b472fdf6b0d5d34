import ArgumentParser
import Engine

extension KeyplaneCommand {
    /// The process entry point: parses the arguments, runs the chosen command (awaiting it when it
    /// is asynchronous) and exits with its exit code.
    public static func runAsMain(_ arguments: [String]? = nil) async -> Never {
        // The process exits when its one command is done: operations keep their big values
        // until then instead of releasing them object by object (see `ExitTimeMemory`).
        ExitTimeMemory.keepUntilExit()
        do {
            var command = try parseAsRoot(arguments)
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
}
