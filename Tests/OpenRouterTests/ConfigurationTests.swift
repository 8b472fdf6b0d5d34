import Domain
import OpenRouterClient
import Testing

@Suite struct ConfigurationTests {
    static let key = KeySecret("sk-or-v1-" + String(repeating: "5a", count: 32))

    @Test func plainHTTPIsRefusedExceptToLoopback() throws {
        #expect(throws: ConfigurationError.self) { try OpenRouterConfiguration(baseURL: "http://openrouter.ai/api/v1", managementKey: Self.key) }
        #expect(throws: ConfigurationError.self) { try OpenRouterConfiguration(baseURL: "http://10.0.0.1:80/api/v1", managementKey: Self.key) }
        for url in ["http://127.0.0.1:8787/api/v1", "http://127.3.2.1/api/v1", "http://localhost:1/api/v1", "http://[::1]:9/api/v1",
                    "https://openrouter.ai/api/v1"] {
            #expect(throws: Never.self) { try OpenRouterConfiguration(baseURL: url, managementKey: Self.key) }
        }
    }

    @Test func keyComesFromTheEnvironmentWithTheProvisioningAlias() throws {
        let primary = try OpenRouterConfiguration.resolve(environment: ["OPENROUTER_MANAGEMENT_KEY": "a-key", "OPENROUTER_PROVISIONING_KEY": "b"])
        let alias = try OpenRouterConfiguration.resolve(environment: ["OPENROUTER_PROVISIONING_KEY": "b-key"])
        #expect(primary.managementKey.revealed == "a-key")
        #expect(alias.managementKey.revealed == "b-key")
        #expect(alias.baseURL.absoluteString == "https://openrouter.ai/api/v1")
        #expect(throws: ConfigurationError.missingKey) { try OpenRouterConfiguration.resolve(environment: [:]) }
    }

    @Test func describingAConfigurationMasksTheKey() throws {
        let configuration = try OpenRouterConfiguration(managementKey: Self.key)
        #expect(!"\(configuration)".contains(Self.key.revealed))
        #expect(!String(reflecting: configuration).contains(Self.key.revealed))
    }
}
