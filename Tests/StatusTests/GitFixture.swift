import Domain
import Foundation
import Git
import SealedState

/// The author of the fixture's commits.
func author(_ name: String, _ date: String) -> Signature {
    Signature(name: name, email: "\(name.lowercased().replacingOccurrences(of: " ", with: "."))@example.com", date: day(date))
}

/// An apply commit's message: subject, optional body, and keyplane's trailers.
func applyMessage(_ subject: String, body: String? = nil, plan: String) -> String {
    var message = subject + "\n\n"
    if let body { message += body + "\n\n" }
    return message + "Keyplane-Plan: \(plan)\nKeyplane-Version: 0.1.0\n"
}

extension StatusFixture {
    /// Makes the fixture's folder a git repository and commits its state as one apply.
    func commitState(message: String, author signature: Signature) throws -> GitRepository {
        let repository = try GitRepository.create(at: directory.url)
        try repository.commit(paths: try store.filePaths(relativeTo: directory.url), message: message, author: signature)
        return repository
    }
}
