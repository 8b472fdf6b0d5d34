import Cryptography
import Testing

/// AES-GCM keeps one libcrypto context per thread and re-keys it only for a new key (see
/// `Cryptography.CipherContext`): calls interleaving keys, nonce lengths, directions and failures
/// on one thread still give the published answers and never a stale key or nonce.
struct CipherReuseTests {
    /// McGrew and Viega's AES-256 test case 16 (the published GCM vectors).
    static let key = bytes("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308")
    static let nonce = bytes("cafebabefacedbaddecaf888")
    static let associatedData = bytes("feedfacedeadbeeffeedfacedeadbeefabaddad2")
    static let plaintext = bytes("""
        d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72\
        1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39
        """)
    static let ciphertext = bytes("""
        522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa\
        8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662
        """)
    static let tag = bytes("76fc6ece0f4e1768cddf8853bb2d551b")

    static func bytes(_ hex: String) -> [UInt8] {
        var result: [UInt8] = []
        var digits = hex.makeIterator()
        while let high = digits.next(), let low = digits.next() { result.append(UInt8(String([high, low]), radix: 16)!) }
        return result
    }

    func expectPublishedAnswer() throws {
        let box = try AESGCM.seal(Self.plaintext, key: Self.key, associatedData: Self.associatedData, nonce: Self.nonce)
        #expect(box.ciphertext == Self.ciphertext)
        #expect(box.tag == Self.tag)
        #expect(try AESGCM.open(box, key: Self.key, associatedData: Self.associatedData) == Self.plaintext)
    }

    @Test func interleavedKeysNoncesAndFailuresLeaveNoTraceInTheNextCall() throws {
        let other = try SecureRandom.bytes(32)
        for round in 0..<3 {
            try expectPublishedAnswer()
            // Another key, a random nonce, no associated data.
            let sealed = try AESGCM.seal([1, 2, 3], key: other)
            try expectPublishedAnswer()
            #expect(try AESGCM.open(sealed, key: other) == [1, 2, 3])
            // A failed authentication, then the published answer again.
            var tampered = sealed
            tampered.tag[round] ^= 1
            #expect(throws: CryptoError.self) { try AESGCM.open(tampered, key: other) }
            try expectPublishedAnswer()
            // A 16-byte nonce changes the nonce length; the next 12-byte call must set it back.
            let long = try AESGCM.seal(Self.plaintext, key: Self.key, nonce: [UInt8](repeating: 7, count: 16))
            #expect(try AESGCM.open(long, key: Self.key) == Self.plaintext)
            try expectPublishedAnswer()
            // The wrong key right after the right one is refused.
            #expect(throws: CryptoError.self) { try AESGCM.open(long, key: other) }
        }
    }

    @Test func randomNoncesDoNotRepeatAcrossRefills() throws {
        let key = try SecureRandom.bytes(32)
        var seen = Set<[UInt8]>()
        for _ in 0..<1000 {
            let box = try AESGCM.seal([0], key: key)
            #expect(box.nonce.count == 12)
            #expect(seen.insert(box.nonce).inserted)
        }
    }
}
