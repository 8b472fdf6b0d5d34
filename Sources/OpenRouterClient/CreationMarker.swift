/// A unique token the caller puts in a new key's name, such as `kp-3f9a0c1d2e4b`. If a create's
/// outcome is unknown, listing keys and looking for the marker tells whether the key exists,
/// without creating a duplicate.
public struct CreationMarker: Hashable, Sendable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) { self.text = text }

    /// A fresh marker with 48 random bits.
    public static func random() -> CreationMarker {
        let value = UInt64.random(in: 0..<(1 << 48))
        let hex = String(value, radix: 16)
        return CreationMarker("kp-" + String(repeating: "0", count: 12 - hex.count) + hex)
    }

    /// Whether `name` carries this marker.
    public func isMarking(_ name: String) -> Bool { name.contains(text) }

    public var description: String { text }
}
