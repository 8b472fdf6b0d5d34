/// The bytes the state's MAC is computed over, built in one pass into one reserved buffer.
///
/// This is the MAC's canonical length-prefixed framing of the state's values (see
/// `docs-site/state-format.md`), not JSON: a string is `s` + frame(UTF-8), an integer `i` +
/// frame(decimal), a boolean `t` or `f`, an array `a` + u64(count) + items, an object `o` +
/// u64(count) + (frame(key) + value) for keys in UTF-8 byte order. frame(x) is u64(length of x) +
/// x; u64 is 8 bytes big-endian. The documents append their fields in key order themselves.
struct MACInput {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func appendUInt64(_ value: UInt64) {
        withUnsafeBytes(of: value.bigEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func appendFrame(_ text: String) {
        let utf8 = text.utf8
        appendUInt64(UInt64(utf8.count))
        // Native strings are contiguous UTF-8: copied in one go, without copying the string.
        if utf8.withContiguousStorageIfAvailable({ bytes.append(contentsOf: $0) }) == nil {
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func appendFrame(_ text: StaticString) {
        appendUInt64(UInt64(text.utf8CodeUnitCount))
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Another input's bytes, as they are: a part built separately, in its place in the whole.
    mutating func append(_ part: MACInput) {
        bytes.append(contentsOf: part.bytes)
    }

    /// An object's key, framed.
    mutating func appendKey(_ key: StaticString) { appendFrame(key) }

    mutating func appendString(_ value: String) {
        bytes.append(UInt8(ascii: "s"))
        appendFrame(value)
    }

    mutating func appendInteger(_ value: Int64) {
        bytes.append(UInt8(ascii: "i"))
        appendFrame(String(value))
    }

    mutating func appendBool(_ value: Bool) {
        bytes.append(UInt8(ascii: value ? "t" : "f"))
    }

    /// The start of an object of `count` fields; the caller appends them in key order.
    mutating func appendObjectHeader(count: Int) {
        bytes.append(UInt8(ascii: "o"))
        appendUInt64(UInt64(count))
    }

    /// The start of an array of `count` items; the caller appends them in order.
    mutating func appendArrayHeader(count: Int) {
        bytes.append(UInt8(ascii: "a"))
        appendUInt64(UInt64(count))
    }

    /// An object of strings, with its keys sorted by their UTF-8 bytes.
    mutating func appendStringObject(_ fields: [String: String]) {
        appendObjectHeader(count: fields.count)
        for (key, value) in fields.sorted(by: { StateJSON.utf8Precedes($0.key, $1.key) }) {
            appendFrame(key)
            appendString(value)
        }
    }
}
