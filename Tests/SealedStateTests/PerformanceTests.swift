import Domain
import Foundation
import SealedState
import Testing

struct PerformanceTests {
    /// Sealing 10,000 secrets (with an X25519 recipient, so no KDF cost), writing them, and opening
    /// them again gives every entry and the right secret back. How long it takes is measured by
    /// `keyplane state bench --secrets 10000` (the target is 0.3 s in release builds), not
    /// asserted here: a time bound in a test fails on a loaded machine without anything being wrong.
    @Test func tenThousandSecretsSealWriteAndOpenAgain() throws {
        let sandbox = try Sandbox()
        let identity = try Identity.generate()
        var opened = try sandbox.store.initialize(recipients: [.x25519(identity.recipient)])
        for index in 0..<10_000 {
            try opened.upsert(makeEntry("client-\(index % 50)/key-\(index)"), secret: makeSecret(index))
        }
        try sandbox.store.write(&opened)
        let reopened = try sandbox.store.open(with: Credentials(identities: [identity]))
        #expect(reopened.state.entries.count == 10_000)
        #expect(try reopened.secret(for: address("client-7/key-7007")) == makeSecret(7007))
        #expect(try reopened.secret(for: address("client-49/key-9999")) == makeSecret(9999))
    }
}
