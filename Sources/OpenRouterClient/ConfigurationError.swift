/// The OpenRouter configuration is missing or unsafe.
public enum ConfigurationError: Error, Equatable, CustomStringConvertible {
    case missingKey
    case unreadableKeyFile(String)
    case invalidBaseURL(String)
    case insecureBaseURL(String)

    public var description: String {
        switch self {
        case .missingKey:
            "no management key: set OPENROUTER_MANAGEMENT_KEY (or OPENROUTER_PROVISIONING_KEY), or pass a key file"
        case .unreadableKeyFile(let path):
            "cannot read the management key file \(path)"
        case .invalidBaseURL(let url):
            "the OpenRouter base URL \(url) is not an http(s) URL with a host"
        case .insecureBaseURL(let url):
            "refusing plain http:// for \(url): the management key would cross the network unencrypted; use https://, or http:// only to 127.0.0.1, localhost or [::1]"
        }
    }
}
