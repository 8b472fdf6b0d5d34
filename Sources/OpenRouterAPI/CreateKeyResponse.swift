public import Domain

/// The `201` body of `POST /keys`: the new key and, beside it at the top level, its secret. This
/// is the only response that ever carries the secret.
public struct CreateKeyResponse: Hashable, Sendable, Codable {
    public var data: APIKey
    public var key: KeySecret

    public init(data: APIKey, key: KeySecret) {
        self.data = data
        self.key = key
    }

    enum CodingKeys: String, CodingKey { case data, key }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        data = try c.decode(APIKey.self, forKey: .data)
        key = KeySecret(try c.decode(String.self, forKey: .key))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(data, forKey: .data)
        try c.encode(key.revealed, forKey: .key)
    }
}
