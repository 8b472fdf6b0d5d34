/// The JSON subset the state files use: strings, whole numbers, booleans, objects and arrays (no
/// null, no fractions). Objects render with sorted keys and one field per line, so a changed
/// field is a one-line diff, and the same tree feeds the MAC's canonical encoding.
enum JSONNode: Equatable, Sendable {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case object([String: JSONNode])
    case array([JSONNode])

    subscript(key: String) -> JSONNode? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    var stringValue: String? { if case .string(let value) = self { value } else { nil } }
    var integerValue: Int64? { if case .integer(let value) = self { value } else { nil } }
    var boolValue: Bool? { if case .bool(let value) = self { value } else { nil } }
    var objectValue: [String: JSONNode]? { if case .object(let value) = self { value } else { nil } }
    var arrayValue: [JSONNode]? { if case .array(let value) = self { value } else { nil } }
}
