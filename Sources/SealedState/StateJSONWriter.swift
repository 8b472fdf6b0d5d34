/// Writes the state's files in their one JSON form, straight into bytes: exactly what Foundation's
/// `JSONEncoder` renders with `[.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]`, without
/// the encoder's intermediate tree of boxed values.
///
/// The form: one member per line, two spaces of indentation per level, `"key" : value`, a comma at
/// the end of every member but the last; an empty object or array is its opening bracket, a blank
/// line and its closing bracket. Strings escape `"`, `\` and the control characters (`\b`, `\t`,
/// `\n`, `\f`, `\r`, else `\u00xx` in lowercase hex), nothing else. Callers write an object's
/// members in the UTF-8 byte order of their keys. `StateJSONWriterTests` holds the output to
/// `JSONEncoder`'s, byte for byte.
struct StateJSONWriter: ~Copyable {
    private(set) var output: ByteBuffer
    /// How many containers are open: the indentation level of their members.
    private var depth = 0
    /// Whether the innermost open container has no member yet, so the next one needs no comma.
    private var awaitsFirstMember = false

    init(reservingCapacity capacity: Int) {
        output = ByteBuffer(reservingCapacity: capacity)
    }

    /// A writer that compares what it writes with `bytes` instead of keeping it (see `ByteBuffer`).
    init(comparingWith bytes: UnsafeBufferPointer<UInt8>) {
        output = ByteBuffer(comparingWith: bytes)
    }

    // MARK: Containers

    mutating func beginObject() { begin(UInt8(ascii: "{")) }
    mutating func endObject() { end(UInt8(ascii: "}")) }
    mutating func beginArray() { begin(UInt8(ascii: "[")) }
    mutating func endArray() { end(UInt8(ascii: "]")) }

    /// Starts an object member with a fixed key (a field name, which needs no escaping).
    mutating func key(_ key: StaticString) {
        startMember()
        output.append(UInt8(ascii: "\""))
        output.append(key)
        output.append("\" : ")
    }

    /// Starts an object member whose key is data (an address, a label), escaped like any string.
    /// (A separate name: a string literal would otherwise pick this over the `StaticString` one.)
    mutating func key(escaping key: String) {
        startMember()
        appendQuoted(key)
        output.append(" : ")
    }

    /// Starts an array item.
    mutating func item() { startMember() }

    /// The newline that ends the file, after its top-level object.
    mutating func finishFile() { output.append(UInt8(ascii: "\n")) }

    // MARK: Values

    mutating func string(_ value: String) { appendQuoted(value) }

    mutating func integer(_ value: Int64) { output.append(utf8: String(value)) }

    mutating func bool(_ value: Bool) { output.append(value ? "true" : "false") }

    // MARK: Layout

    private mutating func begin(_ bracket: UInt8) {
        output.append(bracket)
        output.append(UInt8(ascii: "\n"))
        depth += 1
        awaitsFirstMember = true
    }

    private mutating func end(_ bracket: UInt8) {
        depth -= 1
        // After the last member, or, for an empty container, after the newline of `begin`: the
        // blank line JSONEncoder leaves inside an empty container.
        output.append(UInt8(ascii: "\n"))
        appendIndentation()
        output.append(bracket)
        // The container just closed was a member of the one around it.
        awaitsFirstMember = false
    }

    private mutating func startMember() {
        if !awaitsFirstMember { output.append(",\n") }
        awaitsFirstMember = false
        appendIndentation()
    }

    private mutating func appendIndentation() {
        let spaces: StaticString = "                "
        var remaining = 2 * depth
        while remaining > 0 {
            let piece = min(remaining, spaces.utf8CodeUnitCount)
            output.append(UnsafeBufferPointer(start: spaces.utf8Start, count: piece))
            remaining -= piece
        }
    }

    // MARK: Strings

    /// `value` in quotes, escaped as `JSONEncoder` escapes it.
    private mutating func appendQuoted(_ value: String) {
        output.append(UInt8(ascii: "\""))
        if value.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            Array(value.utf8).withUnsafeBufferPointer { appendEscaped($0) }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Copies runs of bytes that need no escape in one go. Every byte of a multi-byte UTF-8
    /// sequence is 0x80 or above, so escaping byte by byte never touches a non-ASCII character.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var unescaped = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            output.append(UnsafeBufferPointer(rebasing: utf8[unescaped..<index]))
            appendEscape(of: byte)
            unescaped = index + 1
        }
        output.append(UnsafeBufferPointer(rebasing: utf8[unescaped...]))
    }

    private mutating func appendEscape(of byte: UInt8) {
        output.append(UInt8(ascii: "\\"))
        switch byte {
        case 0x08: output.append(UInt8(ascii: "b"))
        case 0x09: output.append(UInt8(ascii: "t"))
        case 0x0A: output.append(UInt8(ascii: "n"))
        case 0x0C: output.append(UInt8(ascii: "f"))
        case 0x0D: output.append(UInt8(ascii: "r"))
        case 0x20...: output.append(byte)  // `"` or `\`
        default:
            // `\u00xx`, lowercase: the control characters without a short escape are below 0x20.
            output.append("u00")
            output.append(UInt8(ascii: byte >> 4 == 0 ? "0" : "1"))
            let low = byte & 0x0F
            output.append(low < 10 ? UInt8(ascii: "0") + low : UInt8(ascii: "a") + low - 10)
        }
    }
}
