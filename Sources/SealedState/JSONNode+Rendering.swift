extension JSONNode {
    /// The file text: two-space indentation, keys sorted by their UTF-8 bytes, `"key": value`, and
    /// a final newline. Reading checks that a file is exactly this rendering of itself.
    func rendered() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        render(into: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    private func render(into out: inout [UInt8], indent: Int) {
        switch self {
        case .string(let value): Self.appendQuoted(value, to: &out)
        case .integer(let value): out.append(contentsOf: String(value).utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .object(let fields):
            guard !fields.isEmpty else { out.append(contentsOf: "{}".utf8); return }
            out.append(UInt8(ascii: "{"))
            let keys = fields.keys.sorted(by: Self.utf8Less)
            for (index, key) in keys.enumerated() {
                out.append(UInt8(ascii: "\n"))
                Self.appendIndent(indent + 1, to: &out)
                Self.appendQuoted(key, to: &out)
                out.append(contentsOf: ": ".utf8)
                fields[key]!.render(into: &out, indent: indent + 1)
                if index < keys.count - 1 { out.append(UInt8(ascii: ",")) }
            }
            out.append(UInt8(ascii: "\n"))
            Self.appendIndent(indent, to: &out)
            out.append(UInt8(ascii: "}"))
        case .array(let items):
            guard !items.isEmpty else { out.append(contentsOf: "[]".utf8); return }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                out.append(UInt8(ascii: "\n"))
                Self.appendIndent(indent + 1, to: &out)
                item.render(into: &out, indent: indent + 1)
                if index < items.count - 1 { out.append(UInt8(ascii: ",")) }
            }
            out.append(UInt8(ascii: "\n"))
            Self.appendIndent(indent, to: &out)
            out.append(UInt8(ascii: "]"))
        }
    }

    /// Byte-wise order of the UTF-8 encodings. Swift's `<` on strings is code-point order for
    /// NFC text, which equals UTF-8 byte order; every key keyplane accepts is ASCII.
    static func utf8Less(_ lhs: String, _ rhs: String) -> Bool {
        lhs < rhs
    }

    private static func appendIndent(_ level: Int, to out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private static func appendQuoted(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Fast path: nothing to escape, which is every field keyplane itself writes.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: text.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
            case 0..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0f)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
