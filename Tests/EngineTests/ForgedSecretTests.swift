import Domain
import Engine
import Foundation
@testable import SealedState
import Testing

/// A ciphertext swapped in by someone who holds the data key passes the MAC they recomputed;
/// apply checks every sealed secret it would carry forward, and refuses before any change.
@Suite("forged ciphertext")
struct ForgedSecretTests {
    @Test("apply refuses a state whose sealed secrets were swapped, and changes nothing")
    func swappedCiphertextIsRefused() async throws {
        let fixture = try await EngineFixture(keys: ["a", "b"])
        _ = try await fixture.apply()
        var opened = try fixture.workspace.state.open(with: fixture.workspace.credentials)
        let a = try #require(opened.state[KeyAddress("acme/a")!]?.sealedSecret)
        let b = try #require(opened.state[KeyAddress("acme/b")!]?.sealedSecret)
        opened.replaceSealedSecret(b, at: KeyAddress("acme/a")!)
        opened.replaceSealedSecret(a, at: KeyAddress("acme/b")!)
        try fixture.workspace.state.write(&opened)

        try fixture.setManifest(keys: ["a", "b", "c"])
        await fixture.harness.faults.resetCounts()
        let failure = await #expect(throws: OperationFailure.self) { try await fixture.apply() }
        #expect(failure?.description.contains("does not authenticate") == true, "\(String(describing: failure))")
        #expect(await fixture.harness.state.keyCount == 2)
        await fixture.stop()
    }
}
