/// The few header fields read before (or without) the whole header: the format and version, to
/// refuse an unknown version before anything else, and the lineage, serial and MAC, to compare
/// with the header committed at HEAD. Every field is optional, so any JSON object decodes.
struct HeaderProbe: Decodable, Sendable {
    var format: String?
    var version: Int64?
    var lineage: String?
    var serial: Int64?
    var mac: String?
}
