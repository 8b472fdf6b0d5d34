/// OpenRouter's error body: `{"error": {"code", "message", "metadata"?}, "user_id"?}`. `code`
/// equals the HTTP status.
public struct ErrorEnvelope: Hashable, Sendable, Codable {
    /// The `error` object.
    public struct Body: Hashable, Sendable, Codable {
        public var code: Int
        public var message: String
        public var metadata: [String: JSONValue]?

        public init(code: Int, message: String, metadata: [String: JSONValue]? = nil) {
            self.code = code
            self.message = message
            self.metadata = metadata
        }
    }

    public var error: Body
    public var userID: String?

    public init(code: Int, message: String, metadata: [String: JSONValue]? = nil, userID: String? = nil) {
        error = Body(code: code, message: message, metadata: metadata)
        self.userID = userID
    }

    enum CodingKeys: String, CodingKey {
        case error
        case userID = "user_id"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(error, forKey: .error)
        try c.encodeNullable(userID, .userID)
    }
}
