internal import CcJSON
public import Foundation

/// A JSON text parsed by cJSON, for the two documents keyplane reads by the thousand: pages of
/// live keys and the state's client files. At 10,000 keys, Foundation's `JSONDecoder` spent about
/// 25 µs per key on them; reading cJSON's tree takes about a quarter of that.
///
/// This is a fast path, not the only reader: cJSON accepts a little more than JSON allows (leading
/// zeros, raw control characters in strings), so callers take a value from the tree only when it
/// has exactly the shape they expect, and otherwise decode the same bytes with `JSONDecoder`,
/// which also words the error. A text with an escaped NUL (`\u0000`) is not parsed at all, since
/// cJSON's strings end at the first NUL.
///
/// The tree is read-only once parsed, and every `Value` keeps it alive.
public final class JSONTree: @unchecked Sendable {
    private let root: UnsafeMutablePointer<cJSON>

    /// The tree of `bytes`, or nil when they are not one JSON value followed only by whitespace,
    /// or hold an escaped NUL.
    public init?(parsing bytes: [UInt8]) {
        guard let root = bytes.withUnsafeBytes(Self.parse) else { return nil }
        self.root = root
    }

    public init?(parsing data: Data) {
        guard let root = data.withUnsafeBytes(Self.parse) else { return nil }
        self.root = root
    }

    deinit { cJSON_Delete(root) }

    private static func parse(_ bytes: UnsafeRawBufferPointer) -> UnsafeMutablePointer<cJSON>? {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: CChar.self), !hasEscapedNUL(bytes) else { return nil }
        var end: UnsafePointer<CChar>?
        guard let root = cJSON_ParseWithLengthOpts(base, bytes.count, &end, 0) else { return nil }
        let consumed = end.map { $0 - base } ?? bytes.count
        guard bytes[consumed...].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else {
            cJSON_Delete(root)
            return nil
        }
        return root
    }

    /// The top-level value.
    public var value: Value { Value(tree: self, node: root) }

    static func hasEscapedNUL(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let pattern: [UInt8] = Array("\\u0000".utf8)
        guard bytes.count >= pattern.count else { return false }
        var index = 0
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == 0x5C, bytes[index + 1] == 0x75, bytes[index + 2] == 0x30, bytes[index + 3] == 0x30,
                bytes[index + 4] == 0x30, bytes[index + 5] == 0x30 {
                // An escaped backslash before it (`\\u0000`) is text, not a NUL; an odd run is.
                var backslashes = 0
                var before = index
                while before > 0, bytes[before - 1] == 0x5C {
                    backslashes += 1
                    before -= 1
                }
                if backslashes % 2 == 0 { return true }
            }
            index += 1
        }
        return false
    }

    /// One value in the tree. The typed accessors answer nil when the value is of another type.
    public struct Value: @unchecked Sendable {
        let tree: JSONTree
        let node: UnsafeMutablePointer<cJSON>

        private var type: Int32 { node.pointee.type & 0xFF }

        public var isNull: Bool { type == cJSON_NULL }
        public var isObject: Bool { type == cJSON_Object }
        public var isArray: Bool { type == cJSON_Array }

        /// A string's text.
        public var string: String? {
            guard type == cJSON_String, let text = node.pointee.valuestring else { return nil }
            return String(cString: text)
        }

        /// A number's value, when it is finite.
        public var number: Double? {
            guard type == cJSON_Number, node.pointee.valuedouble.isFinite else { return nil }
            return node.pointee.valuedouble
        }

        public var bool: Bool? {
            switch type {
            case cJSON_True: true
            case cJSON_False: false
            default: nil
            }
        }

        /// An object's member named `key` (the first, should the name repeat); nil for a missing
        /// member or when this is not an object. Keys are static, so no text is converted to find one.
        public subscript(key: StaticString) -> Value? {
            guard type == cJSON_Object else { return nil }
            let name = UnsafeRawPointer(key.utf8Start).assumingMemoryBound(to: CChar.self)
            return cJSON_GetObjectItemCaseSensitive(node, name).map { Value(tree: tree, node: $0) }
        }

        /// An array's elements in order; empty when this is not an array.
        public var elements: [Value] {
            guard type == cJSON_Array else { return [] }
            var result: [Value] = []
            var child = node.pointee.child
            while let element = child {
                result.append(Value(tree: tree, node: element))
                child = element.pointee.next
            }
            return result
        }

        /// An object's members in the order written; empty when this is not an object.
        public var members: [(name: String, value: Value)] {
            guard type == cJSON_Object else { return [] }
            var result: [(name: String, value: Value)] = []
            var child = node.pointee.child
            while let member = child {
                if let name = member.pointee.string { result.append((String(cString: name), Value(tree: tree, node: member))) }
                child = member.pointee.next
            }
            return result
        }
    }
}
