import Cryptography
import Testing

/// X25519 against RFC 7748 §5.2 and §6.1.
struct X25519Tests {
    static let alicePrivate = bytes("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
    static let alicePublic = bytes("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")
    static let bobPrivate = bytes("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb")
    static let bobPublic = bytes("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f")
    static let shared = bytes("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742")

    @Test func publicKeysMatchRFC7748Section6_1() throws {
        #expect(try X25519.publicKey(for: Self.alicePrivate) == Self.alicePublic)
        #expect(try X25519.publicKey(for: Self.bobPrivate) == Self.bobPublic)
    }

    @Test func bothSidesDeriveTheRFC7748SharedSecret() throws {
        #expect(try X25519.sharedSecret(privateKey: Self.alicePrivate, peerPublicKey: Self.bobPublic) == Self.shared)
        #expect(try X25519.sharedSecret(privateKey: Self.bobPrivate, peerPublicKey: Self.alicePublic) == Self.shared)
    }

    @Test func scalarMultiplicationMatchesRFC7748Section5_2() throws {
        let output = try X25519.sharedSecret(
            privateKey: bytes("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
            peerPublicKey: bytes("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"))
        #expect(output == bytes("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"))
    }

    @Test func generatedKeyPairsAgreeOnASharedSecret() throws {
        let first = try X25519.generatePrivateKey()
        let second = try X25519.generatePrivateKey()
        let one = try X25519.sharedSecret(privateKey: first, peerPublicKey: X25519.publicKey(for: second))
        let two = try X25519.sharedSecret(privateKey: second, peerPublicKey: X25519.publicKey(for: first))
        #expect(one == two)
    }

    @Test func lowOrderPeerKeyIsRejected() throws {
        #expect(throws: CryptoError.self) {
            try X25519.sharedSecret(privateKey: Self.alicePrivate, peerPublicKey: [UInt8](repeating: 0, count: 32))
        }
    }
}
