import Domain
import Foundation
import YAML

/// Decodes one manifest file from YAML nodes, so that every value keeps its line and column.
/// Problems become diagnostics; decoding goes on past them to report as many as it can.
struct ManifestFileDecoder {
    let file: String
    let sink: DiagnosticSink

    func decode(_ text: String) -> ManifestFragment {
        let root: YAMLNode?
        do {
            root = try YAMLComposer.compose(text)
        } catch {
            reportSyntaxError(error, in: text)
            return ManifestFragment()
        }
        guard let root else { return ManifestFragment() }
        let document = YAMLValue(node: root, file: file, sink: sink)
        guard let fields = document.mapping("a manifest file", fields: ManifestSchema.document) else { return ManifestFragment() }

        if let version = fields["version"] {
            guard let text = version.plainScalar, let number = Int(text), ManifestSchema.supportedVersions.contains(number) else {
                version.error("unsupported manifest version \(version.kindDescription); this keyplane reads version 1")
                return ManifestFragment()
            }
        }
        var fragment = ManifestFragment()
        fragment.policy = fields["policy"].flatMap(decodePolicy)
        for value in fields["clients"]?.sequence(of: "clients") ?? [] {
            if let client = decodeClient(value) {
                fragment.clients.append(client)
            } else if let id = Self.declaredID(of: value) {
                fragment.invalidClientIDs.insert(id)
            }
        }
        for value in fields["users"]?.sequence(of: "users") ?? [] {
            guard let (user, key) = decodeUser(value) else { continue }
            fragment.users.append(user)
            if let key { fragment.keys.append(key) }
        }
        fragment.keys += fields["keys"]?.sequence(of: "keys")?.compactMap(decodeKey) ?? []
        return fragment
    }

    private func reportSyntaxError(_ error: YAMLError, in text: String) {
        let location = SourceLocation(file: file, line: error.mark.line, column: error.mark.column)
        switch error.kind {
        case .syntax, .multipleDocuments:
            var message = "YAML syntax error: \(error.problem)"
            if let context = error.context {
                message += " \(context.text) that starts at \(context.mark.line):\(context.mark.column)"
            }
            if Self.character(at: error.mark, in: text) == "\t" {
                message += "; YAML does not allow tabs for indentation, use spaces"
            }
            sink.error(location, message)
        case .duplicateKey:
            sink.error(location, "field '\(error.problem)' appears more than once in the same mapping")
        case .unreadable:
            sink.error(location, "could not read the file as UTF-8 text: \(error.problem)")
        }
    }

    /// The character at a 1-based line and column (counted in Unicode scalars), if any.
    static func character(at mark: YAMLMark, in text: String) -> Character? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let scalars = Array(lines[mark.line - 1].unicodeScalars)
        guard mark.column >= 1, mark.column <= scalars.count else { return nil }
        return Character(scalars[mark.column - 1])
    }

    private func decodePolicy(_ value: YAMLValue) -> DeclaredPolicy? {
        guard let fields = value.mapping("policy", fields: ManifestSchema.policy) else { return nil }
        return DeclaredPolicy(
            defaultExpiry: fields["default_expiry"]?.period("default_expiry"),
            maximumExpiry: fields["max_expiry"]?.period("max_expiry"),
            defaultReset: fields["default_reset"]?.reset("default_reset"),
            location: value.location)
    }

    /// The `id` of a client that failed to decode, so that references to it are not reported as
    /// undeclared on top of the client's own errors.
    static func declaredID(of value: YAMLValue) -> ClientID? {
        guard let id = value.node["id"]?.text else { return nil }
        return ClientID(id)
    }

    private func decodeClient(_ value: YAMLValue) -> DeclaredClient? {
        guard let fields = value.mapping("client", fields: ManifestSchema.client) else { return nil }
        let id = fields.required("id")?.identifier("client id", ClientID.init)
        let name = fields.required("name")?.text("name")
        let email = fields.required("billing_email").flatMap { emailAddress($0, field: "billing_email") }
        let markup = fields["markup"].map { $0.rate("markup") }
        let cap = fields["monthly_cap"].map { $0.money("monthly_cap", allowNone: true) }
        let currency = fields["currency"].map(currencyCode)
        if let markup = markup ?? nil, markup < .one {
            fields["markup"]?.warning("markup \(markup) bills the client less than cost")
        }
        guard let id, let name, let email, markup != .some(nil), cap != .some(nil), currency != .some(nil) else { return nil }
        guard let workspace = decodeWorkspace(fields, client: id, name: name, monthlyCap: (cap ?? nil) ?? nil) else { return nil }
        return DeclaredClient(
            client: Client(id: id, displayName: name, billingEmail: email, markup: (markup ?? .one) ?? .one,
                           monthlyCap: (cap ?? nil) ?? nil, currency: (currency ?? "USD") ?? "USD", workspace: workspace,
                           location: value.location),
            monthlyCapLocation: fields["monthly_cap"]?.location)
    }

    /// The client's workspace: `workspace: default`, or its own (slug, name and description,
    /// defaulting to the client's id and name), with `monthly_cap` as the monthly budget and
    /// `budgets` for the other windows. Refuses what OpenRouter would refuse: a slug outside its
    /// rule, a budget of zero, budgets that do not strictly decrease as the window narrows.
    private func decodeWorkspace(_ fields: YAMLMapping, client id: ClientID, name displayName: String, monthlyCap: USD?)
        -> ClientWorkspace? {
        let budgetsValue = fields["budgets"], byokValue = fields["include_byok_in_budgets"]
        let enforceValue = fields["enforce_budgets"]
        let enforce = enforceValue.map { $0.bool("enforce_budgets") } ?? true
        let includeBYOK = byokValue.map { $0.bool("include_byok_in_budgets") } ?? false
        guard let enforce, let includeBYOK else { return nil }

        if let value = fields["workspace"], value.plainScalar == ClientWorkspace.defaultSlug {
            var ok = true
            for (field, given) in [("budgets", budgetsValue), ("include_byok_in_budgets", byokValue), ("enforce_budgets", enforceValue)] {
                if let given {
                    given.error("\(field) needs the client's own workspace, but client '\(id)' uses the default workspace (workspace: default), whose budgets keyplane does not manage per client")
                    ok = false
                }
            }
            return ok ? .defaultWorkspace : nil
        }

        var slug = id.rawValue
        var slugGiven = false
        var name = displayName
        var description: String?
        if let value = fields["workspace"] {
            guard let workspace = value.mapping("workspace of client '\(id)'", fields: ManifestSchema.workspace) else {
                if value.node.text != nil { value.error("workspace must be 'default' or a mapping with slug, name and description") }
                return nil
            }
            if let given = workspace["slug"] {
                guard let text = given.text("slug") else { return nil }
                guard WorkspaceValues.isValidSlug(text) else {
                    given.error("workspace slug '\(YAMLValue.shorten(text))' is not valid: \(WorkspaceValues.slugRule)")
                    return nil
                }
                slug = text
                slugGiven = true
            }
            if let given = workspace["name"] {
                guard let text = given.text("name") else { return nil }
                guard (1...100).contains(text.count) else {
                    given.error("workspace name must be 1 to 100 characters, got \(text.count)")
                    return nil
                }
                name = text
            }
            if let given = workspace["description"] {
                guard let text = given.text("description") else { return nil }
                guard text.count <= 500 else {
                    given.error("workspace description must be at most 500 characters, got \(text.count)")
                    return nil
                }
                description = text
            }
        }
        if !slugGiven, !WorkspaceValues.isValidSlug(slug) {
            (fields["id"] ?? fields["workspace"])?.error(
                "client id '\(id)' cannot be its workspace's slug (\(WorkspaceValues.slugRule)): set workspace: { slug: … }")
            return nil
        }
        if name.count > 100 { name = String(name.prefix(100)) }

        var budgets = WorkspaceBudgets()
        if let monthlyCap {
            guard monthlyCap > .zero else {
                fields["monthly_cap"]?.error("monthly_cap must be more than 0 (OpenRouter refuses a budget of 0); to stop the client's spend, disable its keys")
                return nil
            }
            budgets[.monthly] = monthlyCap
        }
        var locations: [BudgetInterval: SourceLocation] = [:]
        if let monthly = fields["monthly_cap"] { locations[.monthly] = monthly.location }
        if let budgetsValue {
            guard let mapping = budgetsValue.mapping("budgets of client '\(id)'", fields: ManifestSchema.budgets) else {
                return nil
            }
            for interval in [BudgetInterval.daily, .weekly, .lifetime] {
                guard let given = mapping[interval.rawValue] else { continue }
                guard let amount = given.money("budgets.\(interval)", allowNone: false) ?? nil else { return nil }
                guard amount > .zero else {
                    given.error("budgets.\(interval) must be more than 0 (OpenRouter refuses a budget of 0)")
                    return nil
                }
                budgets[interval] = amount
                locations[interval] = given.location
            }
        }
        if let (narrower, wider) = budgets.orderingViolation {
            let message = "budgets must strictly decrease as the window narrows (lifetime > monthly > weekly > daily), as OpenRouter requires: the \(narrower) budget of \(budgets[narrower]!) is not below the \(wider) budget of \(budgets[wider]!)"
            if let at = locations[narrower] { sink.error(at, message) } else { fields["budgets"]?.error(message) }
            return nil
        }
        return .own(WorkspaceValues(slug: slug, name: name, description: description, includeBYOKInBudgets: includeBYOK,
                                    budgets: budgets),
                    enforceBudgets: enforce)
    }

    private func decodeUser(_ value: YAMLValue) -> (DeclaredUser, DeclaredKey?)? {
        guard let fields = value.mapping("user", fields: ManifestSchema.user) else { return nil }
        let id = fields.required("id")?.identifier("user id", UserID.init)
        let email = fields.required("email").flatMap { emailAddress($0, field: "email") }
        let client = fields.required("client").flatMap { v in
            v.identifier("client", ClientID.init).map { (id: $0, location: v.location) }
        }
        let name = fields["name"]?.text("name")
        guard let id else { return nil }
        let user = DeclaredUser(id: id, email: email, client: client, displayName: name, location: value.location)
        var key: DeclaredKey?
        if let keyValue = fields["key"], let keyFields = keyValue.mapping("key of user '\(id)'", fields: ManifestSchema.personalKey) {
            let name = keyFields["name"].map { $0.identifier("key name", KeyName.init) } ?? KeyName("personal")
            if let name {
                key = decodeSettings(keyFields, name: name, owner: .user(Reference(id: id, location: value.location)),
                                     location: keyValue.location)
            }
        }
        return (user, key)
    }

    private func decodeKey(_ value: YAMLValue) -> DeclaredKey? {
        guard let fields = value.mapping("key", fields: ManifestSchema.key) else { return nil }
        let name = fields.required("name")?.identifier("key name", KeyName.init)
        let client = fields["client"].flatMap { v in v.identifier("client", ClientID.init).map { Reference(id: $0, location: v.location) } }
        let user = fields["user"].flatMap { v in v.identifier("user", UserID.init).map { Reference(id: $0, location: v.location) } }
        let owner: DeclaredKey.Owner
        switch (fields["client"], fields["user"]) {
        case (nil, nil):
            sink.error(value.location, "key\(name.map { " '\($0)'" } ?? "") needs an owner: add client: <client id> or user: <user id>")
            return nil
        case (.some, .some):
            sink.error(fields["user"]!.location, "key\(name.map { " '\($0)'" } ?? "") has both a client and a user; give exactly one owner")
            return nil
        case (.some, nil):
            guard let client else { return nil }
            owner = .client(client)
        case (nil, .some):
            guard let user else { return nil }
            owner = .user(user)
        }
        guard let name else { return nil }
        return decodeSettings(fields, name: name, owner: owner, location: value.location)
    }

    private func decodeSettings(_ fields: YAMLMapping, name: KeyName, owner: DeclaredKey.Owner, location: SourceLocation) -> DeclaredKey {
        var key = DeclaredKey(name: name, owner: owner, location: location)
        key.limit = fields["limit"].flatMap { $0.money("limit", allowNone: true) }
        key.reset = fields["reset"].flatMap { $0.reset("reset") }
        key.includeBYOKInLimit = fields["include_byok_in_limit"]?.bool("include_byok_in_limit")
        key.expiry = fields["expires"].flatMap { v in v.expiry("expires").map { ($0, v.location) } }
        key.disabled = fields["disabled"]?.bool("disabled")
        key.protect = fields["protect"]?.bool("protect")
        if let rotationValue = fields["rotation"], let rotation = rotationValue.mapping("rotation", fields: ManifestSchema.rotation) {
            let every = rotation.required("rotate_every")?.period("rotate_every")
            let overlap = rotation["overlap"].map { $0.period("overlap") } ?? Period.days(1)
            if let every, let overlap {
                if overlap >= every {
                    rotation["overlap"]?.error("overlap \(overlap) must be shorter than rotate_every \(every)")
                } else {
                    key.rotation = (Rotation(every: every, overlap: overlap), rotationValue.location)
                }
            }
        }
        if let labels = fields["labels"] { key.labels = decodeLabels(labels) }
        return key
    }

    private func decodeLabels(_ value: YAMLValue) -> [String: String] {
        guard value.node.kind == .mapping else {
            value.error("labels must be a mapping of names to text, such as environment: production, got \(value.kindDescription)")
            return [:]
        }
        var labels: [String: String] = [:]
        for (keyNode, valueNode) in value.node.pairs {
            let key = YAMLValue(node: keyNode, file: file, sink: sink)
            let label = YAMLValue(node: valueNode, file: file, sink: sink)
            guard let name = key.plainScalar, Self.isLabelName(name) else {
                key.error("label name \(key.kindDescription) is not valid: use 1 to 63 lowercase letters, digits, '-', '_', '.' or '/'")
                continue
            }
            guard valueNode.kind == .scalar, !label.isNull, let text = label.text("label '\(name)'") else {
                label.error("label '\(name)' must be text, got \(label.kindDescription)")
                continue
            }
            labels[name] = text
        }
        return labels
    }

    static func isLabelName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 63 && name.utf8.allSatisfy { b in
            (b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b == 45 || b == 95 || b == 46 || b == 47
        }
    }

    private func emailAddress(_ value: YAMLValue, field: String) -> String? {
        guard let text = value.text(field) else { return nil }
        guard EmailAddress.isValid(text) else {
            value.error("\(field) '\(YAMLValue.shorten(text))' is not a valid email address")
            return nil
        }
        return text
    }

    private func currencyCode(_ value: YAMLValue) -> String? {
        guard let text = value.plainScalar, text.count == 3, text.utf8.allSatisfy({ $0 >= 65 && $0 <= 90 }) else {
            value.error("currency must be a three-letter ISO 4217 code such as USD or EUR, got \(value.kindDescription)")
            return nil
        }
        return text
    }
}
