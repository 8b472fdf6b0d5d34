import Cryptography

/// Hex test-vector text as bytes; whitespace is ignored so vectors can be copied as printed.
func bytes(_ hex: String) -> [UInt8] {
    let compact = hex.filter { !$0.isWhitespace }
    guard let decoded = Hex.decode(compact) else { fatalError("bad hex in test vector: \(hex)") }
    return decoded
}
