/// The `200` body of `GET /key`: `{"data": current key}`.
public struct CurrentKeyResponse: Hashable, Sendable, Codable {
    public var data: CurrentKey

    public init(data: CurrentKey) { self.data = data }
}
