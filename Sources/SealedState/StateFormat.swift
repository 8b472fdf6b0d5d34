/// The constants of the on-disk format, documented in `docs-site/state-format.md`. Changing any
/// of them changes the format and needs a new version.
enum StateFormat {
    /// The version this build writes. Version 2 added each client file's optional `workspace`
    /// record and each entry's optional `workspace_id`; a version 1 state reads as one without
    /// them, and is written as version 2.
    static let version: Int64 = 2
    /// Every version this build reads.
    static let readableVersions: [Int64] = [1, 2]
    /// The header's `format` field.
    static let formatName = "keyplane-state"
    /// The header file, relative to the state folder.
    static let headerFile = "keyplane-state.json"
    /// The folder of per-client files, relative to the state folder.
    static let clientsFolder = "clients"

    /// HKDF info strings for the keys derived from the data key.
    static let secretsKeyInfo = "keyplane-state-v1 secrets"
    static let macKeyInfo = "keyplane-state-v1 mac"
    /// HKDF info for the X25519 key-encryption key.
    static let x25519Info = "keyplane-state-v1 x25519"
    /// The first frame of the MAC input.
    static let macDomain = "keyplane-state-v1 mac"

    /// Associated data for one secret: binds it to its state and its key's address.
    static func secretAssociatedData(lineage: String, address: String) -> [UInt8] {
        // Put together as bytes: one allocation per secret, not an interpolated string and its copy.
        let prefix: StaticString = "keyplane-state-v1 secret "
        var bytes: [UInt8] = []
        bytes.reserveCapacity(prefix.utf8CodeUnitCount + lineage.utf8.count + 1 + address.utf8.count)
        bytes.append(contentsOf: UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount))
        bytes.append(contentsOf: lineage.utf8)
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: address.utf8)
        return bytes
    }

    /// Associated data for a wrapped data key: binds it to its state.
    static func wrapAssociatedData(lineage: String) -> [UInt8] {
        Array("keyplane-state-v1 wrap \(lineage)".utf8)
    }
}
