import ArgumentParser
import Engine

/// A command's refusal or failure, with a message that says what happened and what to do.
/// ArgumentParser prints it as `Error: …` and exits 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }

    /// Runs an operation, turning its failure into the command's: the failure's words as the
    /// error, or exit code 1 alone when the operation already reported the reason in full.
    static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let failure as OperationFailure {
            if failure.alreadyReported {
                var standardError = StandardError()
                print("keyplane: \(failure.description)", to: &standardError)
                throw ExitCode(1)
            }
            throw CommandFailure(failure.description)
        }
    }

    /// Runs `body`, adding `context` (such as "cannot open the state") to any error it throws.
    static func context<T>(_ context: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("\(context): \(error)")
        }
    }
}
