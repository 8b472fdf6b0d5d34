/// The `200` body of `GET` and `PATCH /keys/{hash}`: `{"data": key}`.
public struct KeyResponse: Hashable, Sendable, Codable {
    public var data: APIKey

    public init(data: APIKey) { self.data = data }
}
