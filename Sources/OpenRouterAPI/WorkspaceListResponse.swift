/// The `200` body of `GET /workspaces`: one page, `{"data": [workspace, …], "total_count": n}`.
public struct WorkspaceListResponse: Hashable, Sendable, Codable {
    /// The most workspaces one page may hold (`limit` is at most 100).
    public static let maximumPageSize = 100

    public var data: [APIWorkspace]
    /// How many workspaces there are in all pages together.
    public var totalCount: Int

    public init(data: [APIWorkspace], totalCount: Int) {
        self.data = data
        self.totalCount = totalCount
    }

    enum CodingKeys: String, CodingKey {
        case data
        case totalCount = "total_count"
    }
}
