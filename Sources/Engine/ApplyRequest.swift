import Domain
import Foundation
public import Git
import Plan
public import PlanFile

/// What an apply is asked for.
public struct ApplyRequest: Sendable {
    /// The plan saved by `plan --out FILE`, applied exactly; nil for a fresh plan.
    public var saved: PlanDocument?
    /// How a fresh plan is made (options, adoptions, the clock).
    public var plan: PlanRequest
    /// Carry out a fresh plan without asking.
    public var autoApprove: Bool
    /// How many API requests may be in flight at once.
    public var parallelism: Int
    /// Where to push the apply commit, if anywhere: a remote's name, a URL or a path.
    public var push: String?
    /// Who the commit is by.
    public var author: Signature
    /// Describes this run for the apply lock (user, host, pid, CI run).
    public var holder: String
    /// The command that carries out this same request without asking, for the message when
    /// nobody can be asked: `keyplane apply --auto-approve`, or the import that adopts.
    public var approveWith: String

    public init(saved: PlanDocument?, plan: PlanRequest, autoApprove: Bool, parallelism: Int, push: String?,
                author: Signature, holder: String, approveWith: String = "keyplane apply --auto-approve") {
        self.saved = saved
        self.plan = plan
        self.autoApprove = autoApprove
        self.parallelism = max(1, parallelism)
        self.push = push
        self.author = author
        self.holder = holder
        self.approveWith = approveWith
    }
}
