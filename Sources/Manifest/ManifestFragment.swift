import Domain
import Foundation

/// What one manifest file declares, before the files are merged and defaults are applied.
struct ManifestFragment: Sendable {
    var policy: DeclaredPolicy?
    var clients: [DeclaredClient] = []
    /// Clients declared with errors: already reported, and not to be reported again as missing.
    var invalidClientIDs: Set<ClientID> = []
    var users: [DeclaredUser] = []
    var keys: [DeclaredKey] = []
}

struct DeclaredPolicy: Sendable {
    var defaultExpiry: Period?
    var maximumExpiry: Period?
    var defaultReset: LimitReset??
    var location: SourceLocation
}

struct DeclaredClient: Sendable {
    var client: Client
    var monthlyCapLocation: SourceLocation?
}

struct DeclaredUser: Sendable {
    var id: UserID
    var email: String?
    var client: (id: ClientID, location: SourceLocation)?
    var displayName: String?
    var location: SourceLocation
}

/// A reference to something declared elsewhere, with where the reference was written.
struct Reference<ID: Sendable>: Sendable {
    var id: ID
    var location: SourceLocation
}

struct DeclaredKey: Sendable {
    enum Owner: Sendable {
        case client(Reference<ClientID>)
        case user(Reference<UserID>)
    }

    var name: KeyName
    var owner: Owner
    var limit: USD??
    var reset: LimitReset??
    var includeBYOKInLimit: Bool?
    var expiry: (value: Expiry, location: SourceLocation)?
    var disabled: Bool?
    var rotation: (value: Rotation, location: SourceLocation)?
    var protect: Bool?
    var labels: [String: String] = [:]
    var location: SourceLocation
}
