import Foundation

/// Any JSON value of the state's subset, decoded without knowing the state's types, and its MAC
/// canonical encoding computed generically (as the emergency script does), to check the typed
/// documents' hand-ordered encoding against it.
enum GenericJSON: Decodable, Equatable {
    case string(String)
    case integer(Int64)
    case bool(Bool)
    case array([GenericJSON])
    case object([String: GenericJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([GenericJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: GenericJSON].self))
        }
    }

    static func frame(_ bytes: [UInt8]) -> [UInt8] { u64(bytes.count) + bytes }

    static func u64(_ value: Int) -> [UInt8] { withUnsafeBytes(of: UInt64(value).bigEndian, Array.init) }

    /// C(value) of `docs-site/state-format.md`.
    var canonical: [UInt8] {
        switch self {
        case .string(let value): Array("s".utf8) + Self.frame(Array(value.utf8))
        case .integer(let value): Array("i".utf8) + Self.frame(Array(String(value).utf8))
        case .bool(let value): Array((value ? "t" : "f").utf8)
        case .array(let items): Array("a".utf8) + Self.u64(items.count) + items.flatMap(\.canonical)
        case .object(let fields):
            Array("o".utf8) + Self.u64(fields.count)
                + fields.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.flatMap { Self.frame(Array($0.utf8)) + fields[$0]!.canonical }
        }
    }
}
