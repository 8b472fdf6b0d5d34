/// Finds text shaped like a secret anywhere in a manifest file, comments included: API keys with
/// known prefixes, and long high-entropy tokens. A secret in a manifest is in git history for good,
/// so this is an error, and the message never repeats the secret.
enum SecretScanner {
    struct Finding: Equatable {
        var line: Int
        var column: Int
        /// What it looks like, with none of the secret's characters beyond its public prefix.
        var description: String
    }

    /// Known prefixes, most specific first, and what they are.
    static let prefixes: [(prefix: String, kind: String)] = [
        ("sk-or-mgmt-", "an OpenRouter management key"),
        ("sk-or-v1-", "an OpenRouter API key"),
        ("sk-ant-", "an Anthropic API key"),
        ("sk-proj-", "an OpenAI project key"),
        ("sk-", "an API secret key"),
        ("ghp_", "a GitHub token"),
        ("github_pat_", "a GitHub token"),
        ("AKIA", "an AWS access key"),
        ("xoxb-", "a Slack token"),
    ]

    /// The shortest token body after a prefix that counts as a secret.
    static let minimumBodyLength = 16
    /// Tokens at least this long with no known prefix are checked for entropy.
    static let minimumEntropyTokenLength = 32

    /// The shortest token that can be a secret: the shortest prefix with a minimum body, or an
    /// entropy candidate. Shorter tokens are skipped without making a string of them.
    static let shortestSecret = min(prefixes.map { $0.prefix.utf8.count + minimumBodyLength }.min() ?? minimumBodyLength,
                                    minimumEntropyTokenLength)

    static func scan(_ text: String) -> [Finding] {
        var findings: [Finding] = []
        var text = text
        text.withUTF8 { bytes in
            var lineNumber = 1
            var lineStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0a {
                    lineNumber += 1
                    lineStart = index + 1
                    index += 1
                    continue
                }
                guard isTokenByte(byte) else { index += 1; continue }
                let start = index
                while index < bytes.count, isTokenByte(bytes[index]) { index += 1 }
                guard index - start >= shortestSecret else { continue }
                let token = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                if let description = classify(token) {
                    // Columns count Unicode scalars, as in every other diagnostic.
                    let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<start]), as: UTF8.self)
                    findings.append(Finding(line: lineNumber, column: before.unicodeScalars.count + 1, description: description))
                }
            }
        }
        return findings
    }

    static func classify(_ token: String) -> String? {
        for (prefix, kind) in prefixes where token.hasPrefix(prefix) {
            let body = token.dropFirst(prefix.count)
            if body.count >= minimumBodyLength, body.contains(where: \.isNumber) {
                return "\(kind) (\(prefix)… \(token.count) characters)"
            }
        }
        guard token.count >= minimumEntropyTokenLength else { return nil }
        // Word-like names (`service-12-with-a-long-descriptive-name`) have several separators and
        // short segments; random tokens, even base64url ones, have few.
        let separators = token.count { $0 == "-" || $0 == "_" }
        let longestSegment = token.split(whereSeparator: { $0 == "-" || $0 == "_" }).map(\.count).max() ?? 0
        if separators >= 2 && longestSegment < 16 { return nil }
        let isHex = token.allSatisfy(\.isHexDigit)
        let hasDigit = token.contains(where: \.isNumber)
        let hasLetter = token.contains(where: \.isLetter)
        guard hasDigit, hasLetter else { return nil }
        let entropy = shannonEntropy(token)
        if (isHex && entropy >= 3.0) || (!isHex && entropy >= 4.0) {
            return "a high-entropy token (\(token.count) characters)"
        }
        return nil
    }

    /// Token characters are ASCII: letters, digits and `+ - / = _`. Any other byte, including
    /// every byte of a multi-byte character, ends a token.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 48...57, 65...90, 97...122: true
        case 43, 45, 47, 61, 95: true  // + - / = _
        default: false
        }
    }

    /// Bits of information per character.
    static func shannonEntropy(_ token: String) -> Double {
        var counts: [UInt8: Int] = [:]
        for byte in token.utf8 { counts[byte, default: 0] += 1 }
        let total = Double(token.utf8.count)
        return counts.values.reduce(0) { sum, count in
            let p = Double(count) / total
            return sum - p * log2(p)
        }
    }
}

import Foundation
