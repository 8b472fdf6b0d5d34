import ArgumentParser

extension KeyplaneCommand {
    /// The process entry point: parses the arguments, runs the chosen command (awaiting it when it
    /// is asynchronous) and exits with its exit code.
    public static func runAsMain(_ arguments: [String]? = nil) async -> Never {
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
