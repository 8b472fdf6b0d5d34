/// The bytes the state's MAC is computed over (or a part of them), built in one pass into one
/// reserved buffer.
///
/// This is the MAC's canonical length-prefixed framing of the state's values (see
/// `docs-site/state-format.md`), not JSON: a string is `s` + frame(UTF-8), an integer `i` +
/// frame(decimal), a boolean `t` or `f`, an array `a` + u64(count) + items, an object `o` +
/// u64(count) + (frame(key) + value) for keys in UTF-8 byte order. frame(x) is u64(length of x) +
/// x; u64 is 8 bytes big-endian. The documents append their fields in key order themselves.
struct MACInput: ~Copyable {
    private var output: ByteBuffer

    init(reservingCapacity capacity: Int) {
        output = ByteBuffer(reservingCapacity: capacity)
    }

    /// A copy of the bytes so far.
    var bytes: [UInt8] { output.array }

    mutating func appendUInt64(_ value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { output.append($0.assumingMemoryBound(to: UInt8.self)) }
    }

    mutating func appendFrame(_ text: String) {
        appendUInt64(UInt64(text.utf8.count))
        output.append(utf8: text)
    }

    mutating func appendFrame(_ text: StaticString) {
        appendUInt64(UInt64(text.utf8CodeUnitCount))
        output.append(text)
    }

    /// An object's key, framed.
    mutating func appendKey(_ key: StaticString) { appendFrame(key) }

    mutating func appendString(_ value: String) {
        output.append(UInt8(ascii: "s"))
        appendFrame(value)
    }

    mutating func appendInteger(_ value: Int64) {
        output.append(UInt8(ascii: "i"))
        appendFrame(String(value))
    }

    mutating func appendBool(_ value: Bool) {
        output.append(UInt8(ascii: value ? "t" : "f"))
    }

    /// The start of an object of `count` fields; the caller appends them in key order.
    mutating func appendObjectHeader(count: Int) {
        output.append(UInt8(ascii: "o"))
        appendUInt64(UInt64(count))
    }

    /// The start of an array of `count` items; the caller appends them in order.
    mutating func appendArrayHeader(count: Int) {
        output.append(UInt8(ascii: "a"))
        appendUInt64(UInt64(count))
    }

    /// An object of strings, with its keys sorted by their UTF-8 bytes.
    mutating func appendStringObject(_ fields: [String: String]) {
        appendObjectHeader(count: fields.count)
        StateJSON.forEachInKeyOrder(fields) { key, value in
            appendFrame(key)
            appendString(value)
        }
    }
}
