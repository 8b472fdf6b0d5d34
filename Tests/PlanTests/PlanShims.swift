import Domain
import Plan

// The tests read changes, drift, warnings and violations by key address, as most of them are
// about keys.

extension PlanChange {
    var address: KeyAddress { keyAddress! }
    var hash: String? { remoteID }
}

extension Drift {
    var address: KeyAddress { resource.keyAddress! }
}

extension PlanWarning {
    var address: KeyAddress { resource.keyAddress! }
}

extension GuardViolation {
    var address: KeyAddress { resource.keyAddress! }
}
