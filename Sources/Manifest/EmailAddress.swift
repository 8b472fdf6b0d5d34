/// A deliberately simple email check: one `@`, a non-empty local part without spaces, and a
/// domain with a dot and a top-level part of at least two letters. Enough to catch typos such as
/// a missing `@` or a trailing dot, without pretending to implement RFC 5322. Every accepted
/// character is ASCII, so the check works on UTF-8 bytes.
enum EmailAddress {
    static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count <= 254, let at = bytes.firstIndex(of: UInt8(ascii: "@")),
            bytes.lastIndex(of: UInt8(ascii: "@")) == at
        else { return false }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        let dot = UInt8(ascii: "."), hyphen = UInt8(ascii: "-")
        guard !local.isEmpty, local.count <= 64, local.allSatisfy(isLocalByte), local.first != dot, local.last != dot,
            !zip(local, local.dropFirst()).contains(where: { $0 == dot && $1 == dot })
        else { return false }
        let labels = domain.split(separator: dot, omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2, top.allSatisfy(isLetter) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != hyphen && label.last != hyphen
                && label.allSatisfy { isLetter($0) || isDigit($0) || $0 == hyphen }
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool { (65...90).contains(byte) || (97...122).contains(byte) }
    private static func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }

    /// Letters, digits and ``.!#$%&'*+/=?^_`{|}~-``.
    private static func isLocalByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || localPunctuation.contains(byte)
    }

    private static let localPunctuation = Set(".!#$%&'*+/=?^_`{|}~-".utf8)
}
