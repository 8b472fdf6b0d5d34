public import Foundation
import Domain

extension StateEntry {
    /// The readable entries of one client file (`<state>/clients/<client>.json`) as its bytes
    /// stand, sorted by address, without opening or authenticating anything: no credential is
    /// needed and no secret is decrypted. For reading old versions out of git history, where only
    /// the file's bytes are at hand. `name` is how the file is called in error messages.
    ///
    /// The file must be in the exact form keyplane writes, as when the state is opened.
    public static func readableEntries(fromClientFile data: Data, name: String = "client file") throws(StateError) -> [StateEntry] {
        let document = try StateStore.decodeCanonical(Array(data), name: name)
        guard let client = document["client"]?.stringValue, let keys = document["keys"]?.objectValue,
            document.objectValue?.count == 2
        else {
            throw StateError.malformed(file: name, reason: "it needs exactly 'client' and 'keys'")
        }
        var entries: [StateEntry] = []
        entries.reserveCapacity(keys.count)
        for (addressText, node) in keys {
            guard let address = KeyAddress(addressText), address.client.rawValue == client else {
                throw StateError.malformed(file: name, reason: "'\(addressText)' is not an address of client \(client)")
            }
            do {
                entries.append(try StateEntry(address: address, node: node))
            } catch {
                throw StateError.malformed(file: name, reason: "the entry \(addressText) \(error.message)")
            }
        }
        return entries.sorted { $0.address < $1.address }
    }
}
