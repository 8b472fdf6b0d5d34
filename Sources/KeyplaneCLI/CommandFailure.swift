/// A command's refusal or failure, with a message that says what happened and what to do.
/// ArgumentParser prints it as `Error: …` and exits 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
