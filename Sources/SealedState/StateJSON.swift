import Foundation

/// How the state's files are turned into bytes and back. They are written in one form, the one
/// Foundation's `JSONEncoder` produces with sorted keys, pretty printing (two spaces, one field per
/// line, `"key" : value`) and unescaped slashes, plus a final newline; `StateJSONWriter` writes it
/// directly. They are read with `JSONDecoder`, and a file is accepted only if it is exactly the
/// rendering of what it decodes to, so reordered, reformatted or hand-edited lines are refused.
/// Client files, read by the thousand, are first read through cJSON (`StateFileDocument.read`).
enum StateJSON {
    /// The file's bytes.
    static func render<Document: StateFileDocument>(_ document: Document) -> [UInt8] {
        written(document, by: StateJSONWriter(reservingCapacity: document.estimatedFileSize)).output.array
    }

    /// The writer, after writing `document` as its file.
    private static func written<Document: StateFileDocument>(_ document: Document, by writer: consuming StateJSONWriter)
        -> StateJSONWriter {
        var writer = writer
        document.write(to: &writer)
        writer.finishFile()
        return writer
    }

    /// Whether `bytes` are exactly the file `document` renders to; compared as it renders, so
    /// nothing is kept.
    static func rendersExactly<Document: StateFileDocument>(_ document: Document, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { expected in
            written(document, by: StateJSONWriter(comparingWith: expected)).output.matchesExpected
        }
    }

    /// Decodes `bytes`, then refuses them unless they are exactly the rendering of the decoded
    /// document. `name` is how the file is called in errors.
    static func decodeCanonical<Document: StateFileDocument>(_ type: Document.Type, from bytes: [UInt8], name: String) throws(StateError) -> Document {
        // The fast path stands only if its document renders back to exactly these bytes; anything
        // else, however small the difference, goes through JSONDecoder, which also words the refusal.
        if let document = Document.read(bytes), rendersExactly(document, bytes) { return document }
        let document: Document
        do { document = try JSONDecoder().decode(type, from: Data(bytes)) } catch {
            throw StateError.malformed(file: name, reason: "it is not valid JSON of the expected shape (\(reason(for: error)))")
        }
        guard rendersExactly(document, bytes) else { throw StateError.notCanonical(file: name) }
        return document
    }

    /// Decodes `bytes` leniently (unknown fields ignored, no form check), for reading a few fields.
    static func decodeLeniently<Document: Decodable>(_ type: Document.Type, from bytes: [UInt8]) -> Document? {
        try? JSONDecoder().decode(type, from: Data(bytes))
    }

    /// Calls `body` with each pair of `fields` in the UTF-8 order of the keys. Labels are most
    /// often one pair, which is in order without being copied and sorted.
    static func forEachInKeyOrder(_ fields: [String: String], _ body: (String, String) -> Void) {
        if fields.count <= 1 {
            for (key, value) in fields { body(key, value) }
        } else {
            for (key, value) in fields.sorted(by: { utf8Precedes($0.key, $1.key) }) { body(key, value) }
        }
    }

    /// Byte-wise order of the UTF-8 encodings: the order of keys in the files and in the MAC.
    static func utf8Precedes(_ lhs: String, _ rhs: String) -> Bool {
        // Native strings are contiguous UTF-8 and compare in place, without copying either.
        let inPlace = lhs.utf8.withContiguousStorageIfAvailable { left in
            rhs.utf8.withContiguousStorageIfAvailable { right in bytesPrecede(left, right) }
        }
        if let result = inPlace ?? nil { return result }
        return lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }

    private static func bytesPrecede(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(left.count, right.count)
        if common > 0, let l = left.baseAddress, let r = right.baseAddress {
            let order = memcmp(l, r, common)
            if order != 0 { return order < 0 }
        }
        return left.count < right.count
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
