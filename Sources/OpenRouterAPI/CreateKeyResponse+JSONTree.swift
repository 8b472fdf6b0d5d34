import Domain
public import Foundation
import JSONTree

extension CreateKeyResponse {
    /// The answer to a create in `body`, read through cJSON's tree; nil when it is not exactly
    /// what `init(from:)` decodes. An apply reads one per new key.
    public init?(reading body: Data) {
        guard let tree = JSONTree(parsing: body) else { return nil }
        var members = tree.value.orderedMembers
        guard let data = members.take("data").flatMap(APIKey.init(reading:)), let key = members.take("key")?.string
        else { return nil }
        self.init(data: data, key: KeySecret(key))
    }
}
