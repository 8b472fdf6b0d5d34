public import Foundation
public import JSONTree

extension JSONValue {
    /// The value in `value`, converted from cJSON's tree; nil when it holds a number too large to
    /// be finite, which JSONDecoder refuses. Objects with a repeated name keep the first member,
    /// as a lookup finds it.
    public init?(reading value: JSONTree.Value) {
        if value.isNull {
            self = .null
        } else if let bool = value.bool {
            self = .bool(bool)
        } else if let number = value.number {
            self = .number(number)
        } else if let string = value.string {
            self = .string(string)
        } else if value.isArray {
            var array: [JSONValue] = []
            for element in value.elements {
                guard let converted = JSONValue(reading: element) else { return nil }
                array.append(converted)
            }
            self = .array(array)
        } else if value.isObject {
            var object: [String: JSONValue] = [:]
            for (name, member) in value.members where object[name] == nil {
                guard let converted = JSONValue(reading: member) else { return nil }
                object[name] = converted
            }
            self = .object(object)
        } else {
            return nil
        }
    }

    /// The JSON object in `body` read through cJSON, or nil when the body is not an object cJSON
    /// reads exactly (callers then decode it with `JSONDecoder`, which words the refusal).
    public static func object(reading body: Data) -> [String: JSONValue]? {
        guard let tree = JSONTree(parsing: body), case .object(let object)? = JSONValue(reading: tree.value) else { return nil }
        return object
    }
}
