/// The fields each part of a manifest may hold. The manifest reference in docs-site/ documents
/// each of them; a test checks that every field named here is documented there.
enum ManifestSchema {
    static let document = ["version", "policy", "clients", "users", "keys"]
    static let policy = ["default_expiry", "max_expiry", "default_reset"]
    static let client = [
        "id", "name", "billing_email", "markup", "monthly_cap", "currency", "workspace", "budgets", "include_byok_in_budgets",
        "enforce_budgets",
    ]
    static let workspace = ["slug", "name", "description"]
    static let budgets = ["daily", "weekly", "lifetime"]
    static let user = ["id", "email", "client", "name", "key"]
    static let keySettings = ["limit", "reset", "include_byok_in_limit", "expires", "disabled", "rotation", "protect", "labels"]
    static let key = ["name", "client", "user"] + keySettings
    static let personalKey = ["name"] + keySettings
    static let rotation = ["rotate_every", "overlap"]

    /// The manifest format versions this build reads.
    static let supportedVersions = [1]
}
