import Domain
import Foundation
import OpenRouterAPI
import Testing

/// Numbers OpenRouter may send that `USD` cannot hold: a dashboard "unlimited" limit of 1e12, a
/// usage of 1e15, huge negative amounts, and 1e400, which JSON allows and which reads as infinity.
/// Both readers of a page of keys, cJSON's and `JSONDecoder`, give saturated amounts or an error
/// naming the field; neither traps.
@Suite struct OutOfRangeAmountTests {
    static func page(_ replacements: [String: String]) -> Data {
        var key = KeyListFastPathTests.liveKey
        for (field, value) in replacements {
            let pattern = try! Regex(#""\#(field)":[^,}]+"#)
            key = key.replacing(pattern, with: #""\#(field)":\#(value)"#)
        }
        return Data(#"{"data":[\#(key)]}"#.utf8)
    }

    @Test("a limit of 1e12 and a usage of 1e15 read as the largest amount, through both readers")
    func hugeAmountsSaturate() throws {
        let body = Self.page(["limit": "1e12", "usage": "1e15", "usage_daily": "1000000000000", "limit_remaining": "1e12"])
        let decoded = try JSONDecoder().decode(KeyListResponse.self, from: body)
        let fast = try #require(KeyListResponse(reading: body))
        #expect(fast == decoded)
        let key = try #require(decoded.data.first)
        #expect(key.limit == .max)
        #expect(key.limitRemaining == .max)
        #expect(key.usage == .max)
        #expect(key.usageDaily == .max)
    }

    @Test("huge negative amounts read as the smallest amount, through both readers")
    func hugeNegativeAmountsSaturate() throws {
        let body = Self.page(["limit_remaining": "-1e12", "usage_weekly": "-1.7976931348623157e308"])
        let decoded = try JSONDecoder().decode(KeyListResponse.self, from: body)
        #expect(KeyListResponse(reading: body) == decoded)
        #expect(decoded.data.first?.limitRemaining == .min)
        #expect(decoded.data.first?.usageWeekly == .min)
    }

    @Test("1e400, infinity in JSON, is a decoding error naming the field; the fast path leaves it to JSONDecoder")
    func infiniteAmountsAreRefused() throws {
        for field in ["limit", "usage", "usage_monthly", "limit_remaining"] {
            for value in ["1e400", "-1e400"] {
                let body = Self.page([field: value])
                #expect(KeyListResponse(reading: body) == nil, "\(field): \(value)")
                #expect(throws: DecodingError.self, "\(field): \(value)") { try JSONDecoder().decode(KeyListResponse.self, from: body) }
                let error = #expect(throws: DecodingError.self, "\(field): \(value)") {
                    try APIBodyDecoder.decode(KeyListResponse.self, from: body)
                }
                #expect(error.map { Self.path($0) } == ["data", "Index 0", field], "\(field): \(String(describing: error))")
            }
        }
    }

    @Test("an update with an infinite limit is refused, naming the field; a huge one saturates")
    func infiniteLimitInAnUpdateIsRefused() throws {
        let error = #expect(throws: DecodingError.self) {
            try APIBodyDecoder.decode(UpdateKeyRequest.self, from: Data(#"{"limit":1e400}"#.utf8))
        }
        #expect(error.map { Self.path($0) } == ["limit"], "\(String(describing: error))")
        let huge = try JSONDecoder().decode(UpdateKeyRequest.self, from: Data(#"{"limit":1e12}"#.utf8))
        #expect(huge.limit == .set(.max))
        let create = try JSONDecoder().decode(CreateKeyRequest.self, from: Data(#"{"name":"k","limit":1e10}"#.utf8))
        #expect(create.limit == .max)
    }

    @Test("a decoder that hands over infinity gets a decoding error naming the field")
    func infinityFromADecoderIsRefused() throws {
        // JSONDecoder's own parser refuses 1e400 first; a property list carries infinity as a value.
        let body = try PropertyListEncoder().encode(["limit": Double.infinity])
        let error = #expect(throws: DecodingError.self) { try PropertyListDecoder().decode(UpdateKeyRequest.self, from: body) }
        #expect(error.map { Self.path($0) } == ["limit"], "\(String(describing: error))")
    }

    @Test("the current key's amounts saturate the same way")
    func currentKeySaturates() throws {
        let body = Data(#"{"label":"l","limit":1e12,"usage":1e15,"is_management_key":true}"#.utf8)
        let key = try JSONDecoder().decode(CurrentKey.self, from: body)
        #expect(key.limit == .max)
        #expect(key.usage == .max)
    }

    /// The coding path of `error`, as names.
    static func path(_ error: DecodingError) -> [String] {
        switch error {
        case .dataCorrupted(let c), .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c):
            c.codingPath.map(\.stringValue)
        @unknown default: []
        }
    }
}
