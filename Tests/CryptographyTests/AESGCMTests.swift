import Cryptography
import Testing

/// AES-256-GCM against the published test cases 13–16 of McGrew and Viega, "The Galois/Counter
/// Mode of Operation (GCM)", which are also the AES-256 cases in NIST's GCM validation examples.
struct AESGCMTests {
    static let key15 = bytes("feffe9928665731c6d6a8f9467308308 feffe9928665731c6d6a8f9467308308")
    static let iv15 = bytes("cafebabefacedbaddecaf888")
    static let plaintext15 = bytes("""
        d9313225f88406e5a55909c5aff5269a 86a7a9531534f7da2e4c303d8a318a72
        1c3c0c95956809532fcf0e2449a6b525 b16aedf5aa0de657ba637b391aafd255
        """)
    static let ciphertext15 = bytes("""
        522dc1f099567d07f47f37a32a84427d 643a8cdcbfe5c0c97598a2bd2555d1aa
        8cb08e48590dbb3da7b08b1056828838 c5f61e6393ba7a0abcc9f662898015ad
        """)

    @Test func testCase13EmptyPlaintextGivesPublishedTag() throws {
        let box = try AESGCM.seal([], key: [UInt8](repeating: 0, count: 32), nonce: [UInt8](repeating: 0, count: 12))
        #expect(box.ciphertext.isEmpty)
        #expect(box.tag == bytes("530f8afbc74536b9a963b4f1c4cb738b"))
    }

    @Test func testCase14ZeroBlockGivesPublishedCiphertextAndTag() throws {
        let box = try AESGCM.seal([UInt8](repeating: 0, count: 16), key: [UInt8](repeating: 0, count: 32),
                                  nonce: [UInt8](repeating: 0, count: 12))
        #expect(box.ciphertext == bytes("cea7403d4d606b6e074ec5d3baf39d18"))
        #expect(box.tag == bytes("d0d1c8a799996bf0265b98b5d48ab919"))
    }

    @Test func testCase15FourBlocksGivePublishedCiphertextAndTag() throws {
        let box = try AESGCM.seal(Self.plaintext15, key: Self.key15, nonce: Self.iv15)
        #expect(box.ciphertext == Self.ciphertext15)
        #expect(box.tag == bytes("b094dac5d93471bdec1a502270e3cc6c"))
    }

    @Test func testCase16WithAssociatedDataGivesPublishedCiphertextAndTag() throws {
        let aad = bytes("feedfacedeadbeeffeedfacedeadbeefabaddad2")
        let box = try AESGCM.seal(Array(Self.plaintext15.prefix(60)), key: Self.key15, associatedData: aad, nonce: Self.iv15)
        #expect(box.ciphertext == Array(Self.ciphertext15.prefix(60)))
        #expect(box.tag == bytes("76fc6ece0f4e1768cddf8853bb2d551b"))
        #expect(try AESGCM.open(box, key: Self.key15, associatedData: aad) == Array(Self.plaintext15.prefix(60)))
    }

    @Test func roundTripWithRandomKeyAndNonce() throws {
        let key = try SecureRandom.bytes(32)
        let message = Array("sk-or-v1-0123456789abcdef".utf8)
        let box = try AESGCM.seal(message, key: key, associatedData: Array("acme/prod".utf8))
        #expect(box.nonce.count == 12)
        #expect(try AESGCM.open(box, key: key, associatedData: Array("acme/prod".utf8)) == message)
    }

    @Test func twoSealsOfTheSameMessageUseDifferentNonces() throws {
        let key = try SecureRandom.bytes(32)
        let first = try AESGCM.seal([1, 2, 3], key: key)
        let second = try AESGCM.seal([1, 2, 3], key: key)
        #expect(first.nonce != second.nonce)
        #expect(first.ciphertext != second.ciphertext)
    }

    @Test func flippedCiphertextBitIsRejected() throws {
        var box = try AESGCM.seal(Self.plaintext15, key: Self.key15, nonce: Self.iv15)
        box.ciphertext[5] ^= 0x01
        #expect(throws: CryptoError.self) { try AESGCM.open(box, key: Self.key15) }
    }

    @Test func flippedTagBitIsRejected() throws {
        var box = try AESGCM.seal(Self.plaintext15, key: Self.key15, nonce: Self.iv15)
        box.tag[0] ^= 0x80
        let error = #expect(throws: CryptoError.self) { try AESGCM.open(box, key: Self.key15) }
        #expect(error?.kind == .authenticationFailed)
    }

    @Test func differentAssociatedDataIsRejected() throws {
        let box = try AESGCM.seal([9, 9, 9], key: Self.key15, associatedData: Array("acme/a".utf8))
        #expect(throws: CryptoError.self) { try AESGCM.open(box, key: Self.key15, associatedData: Array("acme/b".utf8)) }
    }

    @Test func wrongKeyIsRejected() throws {
        let box = try AESGCM.seal([9, 9, 9], key: Self.key15)
        #expect(throws: CryptoError.self) { try AESGCM.open(box, key: [UInt8](repeating: 7, count: 32)) }
    }
}
