public import Foundation
import JSONTree

/// Decodes API bodies with `JSONDecoder`, and names the field when the body holds a number too
/// large to be finite (`1e400`). JSON allows such numbers, but `JSONDecoder` refuses the whole body
/// as "not valid JSON" without saying where; cJSON reads them as infinity, so the field can be
/// found and named. Amounts that are finite but beyond `USD`'s range saturate instead (see
/// `KeyedContainer+Money.swift`).
public enum APIBodyDecoder {
    /// `T` decoded from `body`; a `DecodingError` whose coding path ends at the first non-finite
    /// number when the body holds one.
    public static func decode<T: Decodable>(_ type: T.Type, from body: Data) throws -> T {
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch let error as DecodingError {
            guard let tree = JSONTree(parsing: body), let path = nonFiniteNumber(in: tree.value, at: []) else { throw error }
            let name = path.last?.stringValue ?? "the value"
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: path, debugDescription: "\(name) must be a finite number, not one beyond a Double's range",
                underlyingError: error))
        }
    }

    /// The path to the first number in `value` that is not finite, or nil when there is none.
    static func nonFiniteNumber(in value: JSONTree.Value, at path: [any CodingKey]) -> [any CodingKey]? {
        if value.isArray {
            for (index, element) in value.elements.enumerated() {
                if let found = nonFiniteNumber(in: element, at: path + [APICodingKey(index: index)]) { return found }
            }
            return nil
        }
        if value.isObject {
            for (name, member) in value.members {
                if let found = nonFiniteNumber(in: member, at: path + [APICodingKey(name: name)]) { return found }
            }
            return nil
        }
        // cJSON's other kinds are null, booleans, strings and numbers, and `number` is nil only
        // for a number that is not finite.
        let known = value.isNull || value.bool != nil || value.string != nil || value.number != nil
        return known ? nil : path
    }
}

/// A member name or an array index in a coding path.
struct APICodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(name: String) {
        stringValue = name
        intValue = nil
    }

    init(index: Int) {
        stringValue = "Index \(index)"
        intValue = index
    }

    init?(stringValue: String) { self.init(name: stringValue) }
    init?(intValue: Int) { self.init(index: intValue) }
}
