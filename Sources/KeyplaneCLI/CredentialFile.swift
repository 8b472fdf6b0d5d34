import Foundation

/// Reads a passphrase or identity file, with an error that names the file but not its content.
enum CredentialFile {
    static func read(_ path: String, what: String) throws -> String {
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw CommandFailure("cannot read the \(what) \(path): \(error.localizedDescription)")
        }
    }
}
