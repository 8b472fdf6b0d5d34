import Domain

/// Reads the addresses of one client file's keys, which must all belong to that client:
/// `client/key` or `client/user/key`. The same as `KeyAddress(text)` followed by a check of its
/// client, but the client id is validated once per file rather than once per key, and the text is
/// not split into an array of strings first.
struct ClientAddressReader {
    private let client: String
    /// Nil when the file's client is not a valid id; then no address belongs to it.
    private let clientID: ClientID?

    init(client: String) {
        self.client = client
        clientID = ClientID(client)
    }

    /// The address `text` spells, or nil if it is not an address of this client.
    func address(_ text: String) -> KeyAddress? {
        guard let clientID else { return nil }
        let utf8 = text.utf8
        guard utf8.starts(with: client.utf8) else { return nil }
        let slash = utf8.index(utf8.startIndex, offsetBy: client.utf8.count)
        guard slash < utf8.endIndex, utf8[slash] == UInt8(ascii: "/") else { return nil }
        let rest = utf8.index(after: slash)
        // The identifiers reject empty text and `/`, so a third `/` fails in KeyName.
        guard let second = utf8[rest...].firstIndex(of: UInt8(ascii: "/")) else {
            return KeyName(String(text[rest...])).map { KeyAddress(client: clientID, name: $0) }
        }
        guard let user = UserID(String(text[rest..<second])), let name = KeyName(String(text[utf8.index(after: second)...])) else {
            return nil
        }
        return KeyAddress(client: clientID, user: user, name: name)
    }
}
