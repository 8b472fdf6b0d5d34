import Cryptography
import Testing

/// scrypt and PBKDF2-HMAC-SHA-256 against RFC 7914 §11 and §12, HKDF-SHA-256 against RFC 5869 appendix A.
struct KeyDerivationTests {
    @Test func scryptMatchesRFC7914FirstVector() throws {
        let key = try KeyDerivation.scrypt(password: [], salt: [], n: 16, r: 1, p: 1, length: 64)
        #expect(key == bytes("""
            77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442
            fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906
            """))
    }

    @Test func scryptMatchesRFC7914SecondVector() throws {
        let key = try KeyDerivation.scrypt(password: Array("password".utf8), salt: Array("NaCl".utf8), n: 1024, r: 8, p: 16, length: 64)
        #expect(key == bytes("""
            fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162
            2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640
            """))
    }

    @Test func scryptMatchesRFC7914ThirdVector() throws {
        let key = try KeyDerivation.scrypt(password: Array("pleaseletmein".utf8), salt: Array("SodiumChloride".utf8),
                                           n: 16384, r: 8, p: 1, length: 64)
        #expect(key == bytes("""
            7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2
            d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887
            """))
    }

    @Test func scryptRejectsNonPowerOfTwoCost() {
        #expect(throws: CryptoError.self) { try KeyDerivation.scrypt(password: [1], salt: [2], n: 1000, r: 8, p: 1, length: 32) }
    }

    @Test func pbkdf2MatchesRFC7914OneIterationVector() throws {
        let key = try KeyDerivation.pbkdf2SHA256(password: Array("passwd".utf8), salt: Array("salt".utf8), iterations: 1, length: 64)
        #expect(key == bytes("""
            55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc
            49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783
            """))
    }

    @Test func pbkdf2MatchesRFC7914EightyThousandIterationVector() throws {
        let key = try KeyDerivation.pbkdf2SHA256(password: Array("Password".utf8), salt: Array("NaCl".utf8), iterations: 80000, length: 64)
        #expect(key == bytes("""
            4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56
            a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d
            """))
    }

    @Test func hkdfMatchesRFC5869TestCase1() throws {
        let key = try KeyDerivation.hkdfSHA256(key: [UInt8](repeating: 0x0b, count: 22), salt: bytes("000102030405060708090a0b0c"),
                                               info: bytes("f0f1f2f3f4f5f6f7f8f9"), length: 42)
        #expect(key == bytes("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"))
    }

    @Test func hkdfMatchesRFC5869TestCase3WithoutSaltOrInfo() throws {
        let key = try KeyDerivation.hkdfSHA256(key: [UInt8](repeating: 0x0b, count: 22), length: 42)
        #expect(key == bytes("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"))
    }
}
