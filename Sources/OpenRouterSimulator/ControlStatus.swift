import OpenRouterAPI

/// The body of `GET /_simulator/state`.
struct ControlStatus: Encodable {
    var now: APITimestamp
    var keyCount: Int
    var faults: FaultSettings
    var counts: RequestCounts

    enum CodingKeys: String, CodingKey {
        case now
        case keyCount = "key_count"
        case faults
        case counts
    }
}
