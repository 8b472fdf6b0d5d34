import Domain
import Foundation
import YAML

/// A YAML node together with the file it came from, read with every error reported as a
/// diagnostic at the node's own line and column.
struct YAMLValue {
    let node: YAMLNode
    let file: String
    let sink: DiagnosticSink

    var location: SourceLocation {
        let mark = node.mark
        return SourceLocation(file: file, line: mark.line, column: mark.column)
    }

    /// What kind of YAML value this is, for "got a …" messages.
    var kindDescription: String {
        switch node.kind {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar:
            let text = node.text ?? ""
            if node.style != .plain { return "text '\(Self.shorten(text))'" }
            return isNull ? "nothing (null)" : "'\(Self.shorten(text))'"
        }
    }

    static func shorten(_ text: String) -> String {
        text.count > 40 ? String(text.prefix(37)) + "..." : text
    }

    /// A plain (unquoted) scalar's text, or nil for anything else.
    var plainScalar: String? {
        node.style == .plain ? node.text : nil
    }

    /// A plain scalar that YAML reads as null.
    var isNull: Bool {
        switch plainScalar {
        case "", "~", "null", "Null", "NULL": true
        default: false
        }
    }

    func error(_ message: String) { sink.error(location, message) }
    func warning(_ message: String) { sink.warning(location, message) }

    // MARK: Structure

    /// This node as a mapping whose fields must come from `fields`; unknown ones are reported
    /// with a suggestion. `what` names the thing for messages ("client", "key").
    func mapping(_ what: String, fields: [String]) -> YAMLMapping? {
        guard node.kind == .mapping else {
            error("\(what) must be a mapping of fields, got \(kindDescription)")
            return nil
        }
        var values: [(field: String, node: YAMLNode)] = []
        values.reserveCapacity(node.pairs.count)
        var suggested: Set<String> = []
        for (keyNode, valueNode) in node.pairs {
            guard let name = keyNode.text else {
                let key = YAMLValue(node: keyNode, file: file, sink: sink)
                key.error("field names in \(what) must be plain text, got \(key.kindDescription)")
                continue
            }
            guard fields.contains(name) else {
                let key = YAMLValue(node: keyNode, file: file, sink: sink)
                let suggestion = Suggestion.closest(to: name, in: fields)
                if let suggestion { suggested.insert(suggestion) }
                key.error("unknown field '\(Self.shorten(name))' in \(what)\(suggestion.map { "; did you mean '\($0)'?" } ?? "")")
                continue
            }
            values.append((name, valueNode))
        }
        return YAMLMapping(what: what, location: location, file: file, values: values, suggested: suggested, sink: sink)
    }

    /// This node as a list; `what` names an element for messages.
    func sequence(of what: String) -> [YAMLValue]? {
        guard node.kind == .sequence else {
            error("expected a list of \(what), got \(kindDescription)")
            return nil
        }
        return node.items.map { YAMLValue(node: $0, file: file, sink: sink) }
    }

    // MARK: Scalars

    /// Text, quoted or not. Numbers and booleans written plainly are accepted as their text.
    func text(_ field: String) -> String? {
        guard let text = node.text, !isNull else {
            error("\(field) must be text, got \(kindDescription)")
            return nil
        }
        return text
    }

    func identifier<T>(_ field: String, _ make: (String) -> T?) -> T? {
        guard let text = text(field) else { return nil }
        guard let value = make(text) else {
            error("\(field) '\(Self.shorten(text))' is not a valid id: \(IdentifierSyntax.rule)")
            return nil
        }
        return value
    }

    func bool(_ field: String) -> Bool? {
        switch plainScalar {
        case "true": return true
        case "false": return false
        default:
            error("\(field) must be true or false, got \(kindDescription)")
            return nil
        }
    }

    /// An amount of USD; `none` (or null) is `.some(nil)`, meaning "no amount".
    func money(_ field: String, allowNone: Bool) -> USD?? {
        if allowNone, isNull || plainScalar == "none" { return .some(nil) }
        guard let text = plainScalar else {
            if let quoted = node.text, USD(decimal: quoted) != nil {
                error("\(field) must be a number, not quoted text: remove the quotes around \(quoted)")
            } else {
                error("\(field) must be a number of US dollars\(allowNone ? " or none" : ""), got \(kindDescription)")
            }
            return nil
        }
        if text.hasPrefix("-"), USD(decimal: String(text.dropFirst())) != nil {
            error("\(field) must not be negative, got \(text)")
            return nil
        }
        guard let amount = USD(decimal: text.hasPrefix("+") ? String(text.dropFirst()) : text) else {
            let isDecimal = text.split(separator: ".").count == 2 && text.allSatisfy { $0.isNumber || $0 == "." }
            if isDecimal {
                error("\(field) has more than 9 decimals, OpenRouter's precision: \(Self.shorten(text))")
            } else {
                error("\(field) must be a number of US dollars\(allowNone ? " or none" : ""), got '\(Self.shorten(text))'")
            }
            return nil
        }
        return .some(amount)
    }

    func rate(_ field: String) -> Rate? {
        guard let text = plainScalar, let rate = Rate(decimal: text) else {
            error("\(field) must be a positive number with at most 3 decimals, such as 1.3, got \(kindDescription)")
            return nil
        }
        return rate
    }

    /// A reset window; `none` (or null) is `.some(nil)`.
    func reset(_ field: String) -> LimitReset?? {
        if isNull || plainScalar == "none" { return .some(nil) }
        guard let text = plainScalar, let reset = LimitReset(rawValue: text) else {
            let names = LimitReset.allCases.map(\.rawValue) + ["none"]
            let got = node.text ?? ""
            error("\(field) must be one of daily, weekly, monthly or none, got \(kindDescription)\(Suggestion.hint(for: got, in: names))")
            return nil
        }
        return .some(reset)
    }

    func period(_ field: String) -> Period? {
        guard let text = plainScalar, let period = Period(text) else {
            error("\(field) must be a period such as 12h, 90d, 4w or 1y, got \(kindDescription)")
            return nil
        }
        return period
    }

    /// An absolute UTC date or a period.
    func expiry(_ field: String) -> Expiry? {
        guard let text = node.text, !isNull else {
            error("\(field) must be a UTC date such as 2027-06-30 or a period such as 90d, got \(kindDescription)")
            return nil
        }
        if let period = Period(text) { return .after(period) }
        do {
            return .at(try ManifestDate.parse(text))
        } catch .notUTC {
            error("\(field) must be in UTC: write it with a Z, such as 2027-06-30T12:00:00Z, got '\(Self.shorten(text))'")
        } catch {
            self.error("\(field) must be a UTC date such as 2027-06-30 or a period such as 90d, got \(kindDescription)")
        }
        return nil
    }
}

/// A mapping whose unknown fields have already been reported.
struct YAMLMapping {
    let what: String
    let location: SourceLocation
    let file: String
    /// The value nodes with their field names, in the order written; a `YAMLValue` is made for
    /// the fields that are read. A mapping has a handful of fields, so a search beats hashing.
    let values: [(field: String, node: YAMLNode)]
    /// Fields suggested for misspelt ones, which are not reported again as missing.
    let suggested: Set<String>
    let sink: DiagnosticSink

    subscript(field: String) -> YAMLValue? {
        values.first { $0.field == field }.map { YAMLValue(node: $0.node, file: file, sink: sink) }
    }

    /// The field's value, reporting it as missing when absent.
    func required(_ field: String) -> YAMLValue? {
        if let value = self[field] { return value }
        if suggested.contains(field) { return nil }
        sink.error(location, "\(what) is missing the required field '\(field)'")
        return nil
    }
}
