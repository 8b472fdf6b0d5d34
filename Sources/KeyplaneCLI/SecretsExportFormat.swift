import Foundation
import ArgumentParser
import Domain

/// How `secrets export` writes a deployment's keys.
enum SecretsExportFormat: String, CaseIterable, ExpressibleByArgument {
    /// `NAME=value` lines.
    case dotenv
    /// One JSON object, address → secret.
    case json
    /// Lines for `$GITHUB_ENV`, in its multi-line form so no value can break out.
    case githubEnv = "github-env"

    /// The environment variable name for a key: `OPENROUTER_API_KEY_` and the address's parts,
    /// uppercased, with `-` and `/` as `_`.
    static func variableName(for address: KeyAddress) -> String {
        "OPENROUTER_API_KEY_" + address.description.uppercased()
            .replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: "/", with: "_")
    }

    func render(_ secrets: [(KeyAddress, String)]) -> String {
        switch self {
        case .dotenv:
            return secrets.map { "\(Self.variableName(for: $0.0))=\(Self.quoted($0.1))\n" }.joined()
        case .githubEnv:
            return secrets.map { address, value in
                let delimiter = "KEYPLANE_EOF_\(UInt64.random(in: 0...UInt64.max))"
                return "\(Self.variableName(for: address))<<\(delimiter)\n\(value)\n\(delimiter)\n"
            }.joined()
        case .json:
            let object = Dictionary(secrets.map { ($0.0.description, $0.1) }, uniquingKeysWith: { first, _ in first })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            // Encoding a [String: String] cannot fail.
            return String(decoding: (try? encoder.encode(object)) ?? Data("{}".utf8), as: UTF8.self) + "\n"
        }
    }

    private static func quoted(_ value: String) -> String {
        let plain = value.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSetLike.isPlain($0)) }
        return plain ? value : "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private enum CharacterSetLike {
        static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".", ":", "/", "+", "=": true
            default: false
            }
        }
    }
}
