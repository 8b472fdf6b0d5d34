/// The `200` body of `DELETE /keys/{hash}`: `{"deleted": true}`.
public struct DeleteKeyResponse: Hashable, Sendable, Codable {
    public var deleted: Bool

    public init(deleted: Bool = true) { self.deleted = deleted }
}
