public import Domain

/// A difference the last refresh found between what the state recorded for a key and what
/// OpenRouter reported, in plain text (for example `limit is $50.00 on OpenRouter, $100.00 in
/// the state`). The refresh decides what drift is; the status only shows it.
public struct DriftNote: Equatable, Sendable {
    /// The key that drifted.
    public var address: KeyAddress
    /// What differs, as plain text. Renderers escape it.
    public var message: String

    public init(address: KeyAddress, message: String) {
        self.address = address
        self.message = message
    }
}
