extension JSONNode: Decodable {
    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let keyed = try? decoder.container(keyedBy: AnyKey.self) {
            var fields: [String: JSONNode] = [:]
            fields.reserveCapacity(keyed.allKeys.count)
            for key in keyed.allKeys { fields[key.stringValue] = try keyed.decode(JSONNode.self, forKey: key) }
            self = .object(fields)
            return
        }
        if var unkeyed = try? decoder.unkeyedContainer() {
            var items: [JSONNode] = []
            while !unkeyed.isAtEnd { items.append(try unkeyed.decode(JSONNode.self)) }
            self = .array(items)
            return
        }
        let single = try decoder.singleValueContainer()
        if let value = try? single.decode(String.self) {
            self = .string(value)
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Int64.self) {
            self = .integer(value)
        } else {
            throw DecodingError.dataCorruptedError(
                in: single, debugDescription: "only strings, whole numbers, booleans, objects and arrays are allowed")
        }
    }
}
