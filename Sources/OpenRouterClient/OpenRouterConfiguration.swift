public import Foundation
public import Domain

/// Where the OpenRouter API is and which management key to use.
///
/// The key comes from `OPENROUTER_MANAGEMENT_KEY` (or its older name
/// `OPENROUTER_PROVISIONING_KEY`) or from a file; it is held as a `KeySecret`, so printing a
/// configuration never shows it. Plain `http://` is accepted only for loopback hosts.
public struct OpenRouterConfiguration: Sendable, CustomStringConvertible {
    /// OpenRouter's production API.
    public static let defaultBaseURL = "https://openrouter.ai/api/v1"
    public static let keyVariable = "OPENROUTER_MANAGEMENT_KEY"
    public static let legacyKeyVariable = "OPENROUTER_PROVISIONING_KEY"
    public static let baseURLVariable = "OPENROUTER_BASE_URL"

    /// The API root, without a trailing slash, such as `https://openrouter.ai/api/v1`.
    public let baseURL: URL
    public let managementKey: KeySecret

    /// Checks the base URL: `https`, or `http` to 127.0.0.0/8, `localhost` or `[::1]`.
    public init(baseURL text: String = OpenRouterConfiguration.defaultBaseURL, managementKey: KeySecret) throws(ConfigurationError) {
        var text = text.trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), let host = url.host, !host.isEmpty else {
            throw .invalidBaseURL(text)
        }
        switch scheme {
        case "https": break
        case "http": guard Self.isLoopback(host) else { throw .insecureBaseURL(text) }
        default: throw .invalidBaseURL(text)
        }
        guard !managementKey.revealed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .missingKey }
        baseURL = url
        self.managementKey = KeySecret(managementKey.revealed.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Reads the configuration: the key from `keyFile` when given, else from the environment;
    /// the base URL from `baseURL`, else `OPENROUTER_BASE_URL`, else OpenRouter's.
    public static func resolve(
        environment: [String: String] = ProcessInfo.processInfo.environment, keyFile: String? = nil, baseURL: String? = nil
    ) throws(ConfigurationError) -> OpenRouterConfiguration {
        let key: String
        if let keyFile {
            guard let data = FileManager.default.contents(atPath: keyFile), let text = String(data: data, encoding: .utf8) else {
                throw .unreadableKeyFile(keyFile)
            }
            key = text
        } else if let value = environment[keyVariable], !value.isEmpty {
            key = value
        } else if let value = environment[legacyKeyVariable], !value.isEmpty {
            key = value
        } else {
            throw .missingKey
        }
        let url = baseURL ?? environment[baseURLVariable].flatMap { $0.isEmpty ? nil : $0 } ?? defaultBaseURL
        return try OpenRouterConfiguration(baseURL: url, managementKey: KeySecret(key))
    }

    /// Whether `host` is a loopback name or address.
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ UInt8($0) != nil }) else { return false }
        return octets[0] == "127"
    }

    public var description: String { "OpenRouter at \(baseURL.absoluteString) with management key \(managementKey)" }
}
