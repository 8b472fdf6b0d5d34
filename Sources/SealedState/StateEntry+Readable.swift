public import Foundation
import Domain
public import StateModel

extension StateEntry {
    /// The readable entries of one client file (`<state>/clients/<client>.json`) as its bytes
    /// stand, sorted by address, without opening or authenticating anything: no credential is
    /// needed and no secret is decrypted. For reading old versions out of git history, where only
    /// the file's bytes are at hand. `name` is how the file is called in error messages.
    ///
    /// The file must be in the exact form keyplane writes, as when the state is opened.
    public static func readableEntries(fromClientFile data: Data, name: String = "client file") throws(StateError) -> [StateEntry] {
        try StateStore.clientFile(from: Array(data), client: nil, name: name).entries.sorted { $0.address < $1.address }
    }
}
