import Domain
import Foundation
import SealedState
import Testing

struct PerformanceTests {
    /// Opening and sealing 10,000 secrets (with an X25519 recipient, so no KDF cost). The issue's
    /// target is 0.3 s in release builds (`keyplane state bench --secrets 10000` measures it); this
    /// bound only catches gross regressions in debug builds.
    @Test func tenThousandSecretsOpenAndSealQuickly() throws {
        let sandbox = try Sandbox()
        let identity = try Identity.generate()
        var opened = try sandbox.store.initialize(recipients: [.x25519(identity.recipient)])
        let clock = ContinuousClock()
        let sealing = try clock.measure {
            for index in 0..<10_000 {
                try opened.upsert(makeEntry("client-\(index % 50)/key-\(index)"), secret: makeSecret(index))
            }
            try sandbox.store.write(&opened)
        }
        var reopened: OpenedState?
        let opening = try clock.measure { reopened = try sandbox.store.open(with: Credentials(identities: [identity])) }
        let one = try clock.measure { _ = try reopened?.secret(for: address("client-7/key-7007")) }
        print("10,000 secrets: seal+write \(sealing), open \(opening), one secret \(one)")
        #expect(reopened?.state.entries.count == 10_000)
        #expect(try reopened?.secret(for: address("client-7/key-7007")) == makeSecret(7007))
        #expect(sealing + opening < .seconds(60), "debug builds on a loaded 2-core machine take about 5 s; release takes 0.2-0.5 s, by load")
    }
}
