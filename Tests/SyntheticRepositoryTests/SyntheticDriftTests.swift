import Domain
import Foundation
import OpenRouterAPI
import SyntheticRepository
import Testing

/// Live keys with every third one unlimited and every other one daily.
private func liveKeys(_ count: Int) -> [APIKey] {
    let created = APITimestamp(Date(timeIntervalSince1970: 1_750_000_000))
    return (0..<count).map { (index: Int) -> APIKey in
        let hash = KeyHash(String(repeating: "0", count: 56) + String(format: "%08x", index))
        let limit: USD? = index % 3 == 0 ? nil : USD(nanos: Int64(index) * USD.nanosPerDollar)
        let reset: LimitReset? = index % 2 == 0 ? .daily : nil
        return APIKey(hash: hash, name: "client-0001/key-\(index)", label: "sk-or-v1-000...000", limit: limit,
                      limitReset: reset, createdAt: created, workspaceID: "00000000-0000-0000-0000-000000000000")
    }
}

@Suite struct SyntheticDriftTests {
    @Test func driftEditsExactlyTheRequestedNumberOfDistinctKeys() {
        let edits = SyntheticDrift.edits(for: liveKeys(50), count: 30, seed: 1)
        #expect(edits.count == 30)
        #expect(Set(edits.map(\.hash)).count == 30)
        #expect(SyntheticDrift.edits(for: liveKeys(10), count: 30, seed: 1).count == 10)
    }

    @Test func driftIsDeterministicForASeedWhateverTheListingOrder() {
        let keys = liveKeys(40)
        let edits = SyntheticDrift.edits(for: keys, count: 12, seed: 9)
        #expect(edits == SyntheticDrift.edits(for: keys.reversed(), count: 12, seed: 9))
        #expect(edits != SyntheticDrift.edits(for: keys, count: 12, seed: 10))
    }

    @Test func everyDriftEditChangesTheKey() {
        let keys = Dictionary(uniqueKeysWithValues: liveKeys(40).map { ($0.hash, $0) })
        for edit in SyntheticDrift.edits(for: Array(keys.values), count: 40, seed: 3) {
            let key = keys[edit.hash]!
            switch edit.field {
            case "limit": #expect(edit.update.limit != .set(key.limit ?? .zero) && !edit.update.limit.isUnchanged)
            case "limit_reset": #expect(edit.update.limitReset != .unchanged && edit.update.limitReset != key.limitReset.map { .set($0) })
            default: #expect(edit.update.includeBYOKInLimit == !key.includeBYOKInLimit)
            }
        }
    }
}
