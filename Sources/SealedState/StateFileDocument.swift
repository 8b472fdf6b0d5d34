/// A document that is one whole file of the state: decoded with `JSONDecoder` and written, in the
/// one form keyplane accepts, by `write(to:)`. Its `Encodable` conformance is the reference that
/// form is tested against (`JSONEncoder` with sorted keys and pretty printing); keyplane itself
/// never encodes through it.
///
/// A document read by the thousand may also offer `read(_:)`, a fast path through cJSON's tree.
protocol StateFileDocument: Codable {
    /// The document in `bytes` read without `JSONDecoder`, or nil to leave them to it. What this
    /// returns is kept only if it renders back to exactly `bytes`.
    static func read(_ bytes: [UInt8]) -> Self?

    /// Writes the document as the file's top-level object, members in UTF-8 key order.
    func write(to writer: inout StateJSONWriter)

    /// A generous guess at the file's size in bytes, to reserve the writer's buffer once.
    var estimatedFileSize: Int { get }
}

extension StateFileDocument {
    static func read(_ bytes: [UInt8]) -> Self? { nil }
}
