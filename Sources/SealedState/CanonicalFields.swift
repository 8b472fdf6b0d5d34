/// Where a state document's fields go, in the UTF-8 order of their keys: the MAC's input or a
/// state file. A document lists its fields once, in `emit(to:)`, and both forms follow from that
/// one list, so the MAC can never cover a field the file leaves out, or the other way round.
protocol CanonicalFields: ~Copyable {
    /// Opens an object of `fieldCount` fields (the MAC's framing counts them up front).
    mutating func beginObject(fieldCount: Int)
    mutating func endObject()
    mutating func field(_ key: StaticString, _ value: String)
    mutating func field(_ key: StaticString, _ value: Int64)
    mutating func field(_ key: StaticString, _ value: Bool)
    /// An object of strings, written with its keys in UTF-8 byte order.
    mutating func field(_ key: StaticString, stringObject: [String: String])
}

extension CanonicalFields where Self: ~Copyable {
    /// The field when present; nothing when nil.
    mutating func field(_ key: StaticString, _ value: String?) {
        if let value { field(key, value) }
    }

    mutating func field(_ key: StaticString, _ value: Int64?) {
        if let value { field(key, value) }
    }
}

extension MACInput: CanonicalFields {
    mutating func beginObject(fieldCount: Int) { appendObjectHeader(count: fieldCount) }
    mutating func endObject() {}

    mutating func field(_ key: StaticString, _ value: String) {
        appendKey(key)
        appendString(value)
    }

    mutating func field(_ key: StaticString, _ value: Int64) {
        appendKey(key)
        appendInteger(value)
    }

    mutating func field(_ key: StaticString, _ value: Bool) {
        appendKey(key)
        appendBool(value)
    }

    mutating func field(_ key: StaticString, stringObject: [String: String]) {
        appendKey(key)
        appendStringObject(stringObject)
    }
}

extension StateJSONWriter: CanonicalFields {
    mutating func beginObject(fieldCount: Int) { beginObject() }

    mutating func field(_ key: StaticString, _ value: String) {
        self.key(key)
        string(value)
    }

    mutating func field(_ key: StaticString, _ value: Int64) {
        self.key(key)
        integer(value)
    }

    mutating func field(_ key: StaticString, _ value: Bool) {
        self.key(key)
        bool(value)
    }

    mutating func field(_ key: StaticString, stringObject: [String: String]) {
        self.key(key)
        beginObject()
        StateJSON.forEachInKeyOrder(stringObject) { name, value in
            self.key(escaping: name)
            string(value)
        }
        endObject()
    }
}
