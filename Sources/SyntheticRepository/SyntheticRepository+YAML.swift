import Domain

/// The manifest text: block style for clients and client keys, one flow mapping per personal key,
/// so a 100-key client file stays about 600 lines.
extension SyntheticRepository {
    var policyText: String {
        """
        # A synthetic repository made by keyplane-synth (seed \(seed)): \(shape).
        # Regenerate it instead of editing it. See script/bench.
        version: 1
        policy:
          default_expiry: \(Self.policy.defaultExpiry)
          max_expiry: \(Self.policy.maximumExpiry)
          default_reset: \(Self.policy.defaultReset)

        """
    }

    func text(for client: SyntheticClient) -> String {
        var lines = [
            "# \(client.name): a synthetic client (keyplane-synth, seed \(seed)), not a real organisation.",
            "version: 1",
            "clients:",
            "  - id: \(client.id)",
            "    name: \(client.name)",
            "    billing_email: \(client.billingEmail)",
            "    markup: \(client.markup)",
        ]
        if let cap = client.monthlyCap { lines.append("    monthly_cap: \(cap.plain)") }
        lines.append("    currency: \(client.currency)")

        lines += ["", "keys:"]
        for key in client.keys {
            lines.append("  - name: \(key.name)")
            lines.append("    client: \(client.id)")
            lines += key.fields.map { "    \($0.name): \($0.value)" }
        }

        if !client.users.isEmpty {
            lines += ["", "users:"]
            for user in client.users {
                lines += [
                    "  - id: \(user.id)",
                    "    name: \(user.name)",
                    "    email: \(user.email)",
                    "    client: \(client.id)",
                    "    key: { \(user.key.fields.map { "\($0.name): \($0.value)" }.joined(separator: ", ")) }",
                ]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension SyntheticKey {
    /// The key's fields in manifest order, values already in YAML (flow mappings for the nested ones).
    fileprivate var fields: [(name: String, value: String)] {
        var fields: [(String, String)] = [("limit", limit?.plain ?? "none")]
        if let reset { fields.append(("reset", reset)) }
        if includeBYOKInLimit { fields.append(("include_byok_in_limit", "true")) }
        if let expires { fields.append(("expires", expires)) }
        if disabled { fields.append(("disabled", "true")) }
        if protect { fields.append(("protect", "true")) }
        if let rotation { fields.append(("rotation", "{ rotate_every: \(rotation.every), overlap: \(rotation.overlap) }")) }
        if !labels.isEmpty {
            fields.append(("labels", "{ " + labels.map { "\($0.name): \($0.value)" }.joined(separator: ", ") + " }"))
        }
        return fields
    }
}

extension USD {
    /// The amount as a manifest writes it: `12.5`, `500`.
    fileprivate var plain: String { formatted(minimumDecimals: 0, symbol: false) }
}
