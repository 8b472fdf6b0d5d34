/// The header file `keyplane-state.json` as stored: format, version, lineage, serial, recipients
/// and the MAC. Its JSON keys are its property names.
struct HeaderDocument: StateFileDocument, Equatable, Sendable {
    var format: String
    var lineage: String
    /// The MAC in lowercase hex; nil while the MAC input is being built.
    var mac: String?
    var recipients: [RecipientDocument]
    var serial: Int64
    var version: Int64

    /// Appends the MAC's canonical encoding of the header without its `mac` field. The fields go
    /// in UTF-8 key order: format, lineage, recipients, serial, version.
    func appendCanonicalWithoutMAC(to input: inout MACInput) {
        input.appendObjectHeader(count: 5)
        input.appendKey("format")
        input.appendString(format)
        input.appendKey("lineage")
        input.appendString(lineage)
        input.appendKey("recipients")
        input.appendArrayHeader(count: recipients.count)
        for recipient in recipients { recipient.appendCanonical(to: &input) }
        input.appendKey("serial")
        input.appendInteger(serial)
        input.appendKey("version")
        input.appendInteger(version)
    }

    /// Writes the header file's object; `mac` is left out while it is nil.
    func write(to writer: inout StateJSONWriter) {
        writer.beginObject()
        writer.key("format")
        writer.string(format)
        writer.key("lineage")
        writer.string(lineage)
        if let mac { writer.key("mac"); writer.string(mac) }
        writer.key("recipients")
        writer.beginArray()
        for recipient in recipients {
            writer.item()
            recipient.write(to: &writer)
        }
        writer.endArray()
        writer.key("serial")
        writer.integer(serial)
        writer.key("version")
        writer.integer(version)
        writer.endObject()
    }

    var estimatedFileSize: Int { 512 + 512 * recipients.count }
}
