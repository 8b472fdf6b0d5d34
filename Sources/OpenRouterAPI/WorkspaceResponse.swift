/// The body of `GET`, `PATCH /workspaces/{id}` (`200`) and `POST /workspaces` (`201`):
/// `{"data": workspace}`.
public struct WorkspaceResponse: Hashable, Sendable, Codable {
    public var data: APIWorkspace

    public init(data: APIWorkspace) { self.data = data }
}
