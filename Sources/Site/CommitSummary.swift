public import Foundation

/// What a page shows of a commit: its id, when and by whom it was authored, and its message.
public struct CommitSummary: Equatable, Sendable {
    /// The full 40-character id.
    public var id: String
    /// The author's name.
    public var author: String
    /// When the commit was authored.
    public var date: Date
    /// The first line of the message.
    public var subject: String
    /// The message between the subject and the trailers, trimmed; empty when there is none.
    public var body: String
    /// The `Keyplane-Plan` trailer: the fingerprint of the plan an apply commit carried out.
    public var planFingerprint: String?

    public init(id: String, author: String, date: Date, subject: String, body: String = "", planFingerprint: String? = nil) {
        self.id = id
        self.author = author
        self.date = date
        self.subject = subject
        self.body = body
        self.planFingerprint = planFingerprint
    }

    /// The first seven characters of the id, as `git log --oneline` shows them.
    public var shortID: String { String(id.prefix(7)) }

    /// Whether keyplane's apply made the commit.
    public var isApply: Bool { planFingerprint != nil }
}
