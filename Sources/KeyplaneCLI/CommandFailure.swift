/// A command's refusal or failure, with a message that says what happened and what to do.
/// ArgumentParser prints it as `Error: …` and exits 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }

    /// Runs `body`, adding `context` (such as "cannot open the state") to any error it throws.
    static func context<T>(_ context: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let failure as CommandFailure {
            throw failure
        } catch {
            throw CommandFailure("\(context): \(error)")
        }
    }
}
