import Foundation

/// How the state's files are turned into bytes and back: Foundation's `JSONEncoder` with sorted
/// keys, pretty printing (two spaces, one field per line, `"key" : value`) and unescaped slashes,
/// plus a final newline; `JSONDecoder` to read. A file is accepted only if it is exactly the
/// rendering of what it decodes to, so reordered, reformatted or hand-edited lines are refused.
enum StateJSON {
    /// A fresh encoder with the state's output formatting. One per call, so concurrent renderings
    /// share nothing.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        // `.sortedKeys` orders keys by their UTF-8 bytes (swift-foundation's JSONWriter), which is
        // the order the format promises; a test pins it.
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return encoder
    }

    /// The file's bytes: the encoder's output and a final newline.
    static func render<Document: Encodable>(_ document: Document) throws(StateError) -> [UInt8] {
        var bytes: [UInt8]
        do { bytes = Array(try makeEncoder().encode(document)) } catch {
            throw StateError.malformed(file: "(rendering)", reason: "it cannot be encoded as JSON: \(error)")
        }
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// Decodes `bytes`, then refuses them unless they are exactly the rendering of the decoded
    /// document. `name` is how the file is called in errors.
    static func decodeCanonical<Document: Codable>(_ type: Document.Type, from bytes: [UInt8], name: String) throws(StateError) -> Document {
        let document: Document
        do { document = try JSONDecoder().decode(type, from: Data(bytes)) } catch {
            throw StateError.malformed(file: name, reason: "it is not valid JSON of the expected shape (\(reason(for: error)))")
        }
        let rendered: [UInt8]
        do { rendered = try render(document) } catch { throw StateError.notCanonical(file: name) }
        guard rendered == bytes else { throw StateError.notCanonical(file: name) }
        return document
    }

    /// Decodes `bytes` leniently (unknown fields ignored, no form check), for reading a few fields.
    static func decodeLeniently<Document: Decodable>(_ type: Document.Type, from bytes: [UInt8]) -> Document? {
        try? JSONDecoder().decode(type, from: Data(bytes))
    }

    /// Byte-wise order of the UTF-8 encodings: the order of keys in the files and in the MAC.
    static func utf8Precedes(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs
        var rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let common = min(left.count, right.count)
                if common > 0, let l = left.baseAddress, let r = right.baseAddress {
                    let order = memcmp(l, r, common)
                    if order != 0 { return order < 0 }
                }
                return left.count < right.count
            }
        }
    }

    /// A short, secret-free description of a decoding error: what was wrong and where.
    private static func reason(for error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(type(of: error))" }
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the top level" : "'" + keys.joined(separator: ".") + "'"
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context)) lacks '\(key.stringValue)'"
        case .typeMismatch(_, let context): return "\(path(context)) has the wrong type"
        case .valueNotFound(_, let context): return "\(path(context)) is null"
        case .dataCorrupted(let context): return context.codingPath.isEmpty ? "not JSON" : "\(path(context)) is not valid"
        @unknown default: return "unreadable"
        }
    }
}
