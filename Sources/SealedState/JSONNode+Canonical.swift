extension JSONNode {
    /// The MAC's canonical encoding of this value (see `docs-site/state-format.md`):
    /// a string is `s` + frame(UTF-8), an integer `i` + frame(decimal), a boolean `t` or `f`,
    /// an array `a` + u64(count) + items, an object `o` + u64(count) + (frame(key) + value) for
    /// keys in UTF-8 byte order. frame(x) is u64(length of x) + x; u64 is 8 bytes big-endian.
    func appendCanonical(to out: inout [UInt8]) {
        switch self {
        case .string(let value):
            out.append(UInt8(ascii: "s"))
            Self.appendFrame(value, to: &out)
        case .integer(let value):
            out.append(UInt8(ascii: "i"))
            Self.appendFrame(Array(String(value).utf8), to: &out)
        case .bool(let value):
            out.append(UInt8(ascii: value ? "t" : "f"))
        case .array(let items):
            out.append(UInt8(ascii: "a"))
            Self.appendUInt64(UInt64(items.count), to: &out)
            for item in items { item.appendCanonical(to: &out) }
        case .object(let fields):
            out.append(UInt8(ascii: "o"))
            Self.appendUInt64(UInt64(fields.count), to: &out)
            for key in fields.keys.sorted(by: Self.utf8Less) {
                Self.appendFrame(key, to: &out)
                fields[key]!.appendCanonical(to: &out)
            }
        }
    }

    static func appendFrame(_ bytes: [UInt8], to out: inout [UInt8]) {
        appendUInt64(UInt64(bytes.count), to: &out)
        out.append(contentsOf: bytes)
    }

    static func appendFrame(_ text: String, to out: inout [UInt8]) {
        appendUInt64(UInt64(text.utf8.count), to: &out)
        out.append(contentsOf: text.utf8)
    }

    static func appendUInt64(_ value: UInt64, to out: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
