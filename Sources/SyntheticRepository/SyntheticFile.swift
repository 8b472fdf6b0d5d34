/// One file of a generated manifests folder.
public struct SyntheticFile: Hashable, Sendable {
    /// The path inside the manifests folder, such as `clients/client-0007.yaml`.
    public var path: String
    public var text: String
}
