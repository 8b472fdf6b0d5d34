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
        guard let base = bytes.baseAddress, bytes.count >= 6 else { return false }
        // memchr finds each backslash; most texts hold few, and are passed over at memory speed.
        var searched = 0
        while searched < bytes.count, let found = memchr(base + searched, 0x5C, bytes.count - searched) {
            let index = UnsafeRawPointer(found) - base
            // A run of backslashes: an odd one escapes what follows, an even one is text.
            var end = index
            while end < bytes.count, bytes[end] == 0x5C { end += 1 }
            if (end - index) % 2 == 1, end + 5 <= bytes.count, bytes[end] == 0x75, bytes[end + 1] == 0x30,
                bytes[end + 2] == 0x30, bytes[end + 3] == 0x30, bytes[end + 4] == 0x30
            {
                return true
            }
            searched = end
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

        /// The object's members, to be read by name one after another (see `Members`); none when
        /// this is not an object.
        public var orderedMembers: Members {
            Members(object: self, next: type == cJSON_Object ? node.pointee.child : nil)
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

    /// An object's members, read by name in the order a reader expects them. When the text has its
    /// members in that same order (keyplane's state files, and the API's answers, write them in
    /// the order of their names), each one is found with a single comparison; a member in another
    /// place, or a missing one, is looked up among all members, so any order reads the same.
    public struct Members {
        let object: Value
        /// The member after the last one found in order.
        var next: UnsafeMutablePointer<cJSON>?

        /// The member named `name`, as `object[name]` finds it: the first of that name. Each name
        /// is asked for at most once. (Every member before the cursor was found in order under a
        /// name already asked for, so a member found at the cursor is the first of its name.)
        public mutating func take(_ name: StaticString) -> Value? {
            let wanted = UnsafeRawPointer(name.utf8Start).assumingMemoryBound(to: CChar.self)
            if let candidate = next, let candidateName = candidate.pointee.string, strcmp(candidateName, wanted) == 0 {
                next = candidate.pointee.next
                return Value(tree: object.tree, node: candidate)
            }
            return object[name]
        }
    }
}
