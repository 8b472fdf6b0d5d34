public import Manifest
public import Plan
public import PlanFile

/// How an operation reports to whoever started it: the manifests' diagnostics, notes, the plan
/// to approve, each finished change and the final report. The command picks an implementation
/// (people's text, or JSON lines) and the operation never prints. Calls may come from any task.
public protocol OperationObserver: Sendable {
    /// The manifests' errors and warnings, once, before anything else.
    func diagnostics(_ diagnostics: [Diagnostic])
    /// Something a person should know now: a recovered journal, the simulator in use.
    func note(_ text: String)
    /// A fresh plan that apply is about to carry out, before it asks for approval.
    func planned(_ document: PlanDocument)
    /// Whether to carry the plan out. Asked only for a fresh plan with changes and without
    /// auto-approval.
    func approve(_ document: PlanDocument) async -> Approval
    /// One change finished (or failed); `done` of `total` have finished.
    func changeFinished(_ event: ChangeEvent, done: Int, total: Int)
    /// What apply did, once it is over (also after a partial failure, before the error is thrown).
    func applied(_ report: ApplyReport)
}

/// The answer to the approval question.
public enum Approval: Sendable, Equatable {
    case approved
    case declined
    /// Nobody can be asked (no terminal).
    case cannotAsk
}

/// One change that finished, for progress output.
public struct ChangeEvent: Sendable {
    public var change: PlanChange
    /// Nil when the change succeeded; the reason otherwise.
    public var failure: String?

    public init(change: PlanChange, failure: String?) {
        self.change = change
        self.failure = failure
    }
}
