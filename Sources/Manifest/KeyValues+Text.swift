public import Domain

extension KeyValues {
    /// The field's value as canonical text, written as the manifests write values, the same in
    /// every output: amounts as `$12.50`, `none` for no limit or reset, `yes`/`no`, an expiry as
    /// `YYYY-MM-DDTHH:MM:SSZ` or `never`.
    public func text(of field: Field) -> String {
        switch field {
        case .name: name
        case .limit: limit.map(\.description) ?? "none"
        case .limitReset: limitReset?.rawValue ?? "none"
        case .includeBYOKInLimit: includeBYOKInLimit ? "yes" : "no"
        case .disabled: disabled ? "yes" : "no"
        case .expiresAt: expiresAt.map(ManifestDate.format) ?? "never"
        }
    }
}
