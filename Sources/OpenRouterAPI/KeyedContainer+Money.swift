import Domain

// Money travels as JSON numbers (USD with up to nine decimals) and limit windows as strings;
// `USD` and `LimitReset` stay free of `Codable`, so the wire format lives here.
//
// An amount beyond what `USD` holds (a dashboard "unlimited" limit of 1e12) saturates at
// `USD.max` or `USD.min`; a number that is not finite (1e400 reads as infinity) has no amount and
// is refused, naming the field.

extension KeyedDecodingContainer {
    func decodeUSD(_ key: Key) throws -> USD { try usd(decode(Double.self, forKey: key), key) }

    func decodeUSDIfPresent(_ key: Key) throws -> USD? {
        try decodeIfPresent(Double.self, forKey: key).map { try usd($0, key) }
    }

    /// `dollars` as an amount, or a decoding error at `key` when it is not finite.
    func usd(_ dollars: Double, _ key: Key) throws -> USD {
        guard dollars.isFinite else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "\(key.stringValue) must be a finite number of US dollars, not \(dollars)")
        }
        return USD(dollars)
    }

    func decodeLimitResetIfPresent(_ key: Key) throws -> LimitReset? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let value = LimitReset(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "limit_reset must be daily, weekly, monthly or null, not \(text)")
        }
        return value
    }

    /// Absent → `.unchanged`, `null` → `.clear`, a value → `.set`.
    func decodeFieldUpdate<T: Decodable & Hashable & Sendable>(_ type: T.Type, _ key: Key) throws -> FieldUpdate<T> {
        guard contains(key) else { return .unchanged }
        if try decodeNil(forKey: key) { return .clear }
        return .set(try decode(T.self, forKey: key))
    }
}

extension KeyedEncodingContainer {
    mutating func encodeUSD(_ value: USD, _ key: Key) throws { try encode(value.doubleValue, forKey: key) }

    /// Writes `null` for nil: the API's nullable fields are always present.
    mutating func encodeNullableUSD(_ value: USD?, _ key: Key) throws {
        if let value { try encode(value.doubleValue, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func encodeNullable<T: Encodable>(_ value: T?, _ key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func encodeFieldUpdate<T: Encodable & Hashable & Sendable>(_ update: FieldUpdate<T>, _ key: Key) throws {
        switch update {
        case .unchanged: break
        case .set(let value): try encode(value, forKey: key)
        case .clear: try encodeNil(forKey: key)
        }
    }
}
