/// The `200` body of `GET /keys`: one page, `{"data": [key, …]}`, with no count and no cursor.
public struct KeyListResponse: Hashable, Sendable, Codable {
    /// How many keys a full page holds; a shorter page is the last one.
    public static let pageSize = 100

    public var data: [APIKey]

    public init(data: [APIKey]) { self.data = data }
}
