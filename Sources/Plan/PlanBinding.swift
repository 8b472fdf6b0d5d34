/// What a saved plan was computed from. `apply FILE` recomputes it and refuses the plan when any
/// part differs, naming what changed since.
public struct PlanBinding: Codable, Hashable, Sendable {
    /// SHA-256 of every manifest file, by path relative to the repository root.
    public var manifests: [String: String]
    /// The state's lineage and serial when the plan was made (nil when there was no state yet).
    public var stateLineage: String?
    public var stateSerial: Int64?
    /// A digest of each refreshed key's settings, by OpenRouter hash (usage left out: it moves
    /// all the time and never changes what a plan does). Nil when the plan did not refresh.
    public var remoteKeys: [String: String]?

    public init(manifests: [String: String], stateLineage: String?, stateSerial: Int64?, remoteKeys: [String: String]?) {
        self.manifests = manifests
        self.stateLineage = stateLineage
        self.stateSerial = stateSerial
        self.remoteKeys = remoteKeys
    }

    /// What differs between the binding a plan was saved with (`self`) and the current one, in
    /// words: empty when the plan still holds.
    public func changes(comparedWith current: PlanBinding) -> [String] {
        var result: [String] = []
        for path in Set(manifests.keys).union(current.manifests.keys).sorted() {
            switch (manifests[path], current.manifests[path]) {
            case (nil, _?): result.append("manifest \(path) was added")
            case (_?, nil): result.append("manifest \(path) was removed")
            case let (a?, b?) where a != b: result.append("manifest \(path) was edited")
            default: break
            }
        }
        if stateLineage != current.stateLineage {
            result.append("the state was replaced (lineage \(stateLineage ?? "none") → \(current.stateLineage ?? "none"))")
        } else if stateSerial != current.stateSerial {
            result.append("the state was written since (serial \(stateSerial.map(String.init) ?? "none") → \(current.stateSerial.map(String.init) ?? "none"))")
        }
        if let saved = remoteKeys, let now = current.remoteKeys {
            for hash in Set(saved.keys).union(now.keys).sorted() {
                switch (saved[hash], now[hash]) {
                case (nil, _?): result.append("OpenRouter key \(hash.prefix(12))… appeared")
                case (_?, nil): result.append("OpenRouter key \(hash.prefix(12))… was deleted")
                case let (a?, b?) where a != b: result.append("OpenRouter key \(hash.prefix(12))… was changed")
                default: break
                }
            }
        }
        return result
    }
}
