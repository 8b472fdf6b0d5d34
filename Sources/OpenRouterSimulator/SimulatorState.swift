public import Foundation
public import Domain
public import OpenRouterAPI

/// Every key the simulator holds, the simulated clock, and the accepted management keys. All
/// changes go through this actor, and each one is saved to the data file when there is one.
public actor SimulatorState {
    /// The workspace keys land in when the request names none.
    public static let defaultWorkspaceID = "0df9e665-d932-5740-b2c7-b52af166bc11"
    /// The user every simulated key is created by.
    public static let userID = "user_simulator000000000000000"

    /// Every key, by hash. Internal, not private, for the workspace and inference extensions.
    var keys: [KeyHash: StoredKey] = [:]
    /// Every workspace, by id; the default workspace is always among them.
    var workspaces: [String: StoredWorkspace] = [:]
    /// Every key's hash, newest first (then by hash): the list route's order, kept between
    /// requests so paging through 10,000 keys sorts them once, not once per page. Creation times
    /// never change, so only adding or removing keys (create, delete, reset) invalidates it.
    /// This and `encodedKeys` are the simulator's only shortcuts; both are checked against the
    /// plain answer (sorting on every page, encoding every key) by the simulator's tests. They
    /// stay because without them the simulator is the bottleneck of every large refresh: a plan
    /// of 10,000 keys took 1.27 s instead of 0.33 s (median of 11 interleaved runs), past the
    /// plan target of 0.5 s that tests and benchmarks hold keyplane to.
    private var listingOrder: [KeyHash]?
    /// Each listed key's JSON as the list route sends it, reused while the key is unchanged and
    /// its usage totals cannot change: a refresh of 10,000 keys re-encodes only what changed.
    private var encodedKeys: [KeyHash: EncodedKey] = [:]
    private let keyEncoder = SimulatorResponses.encoder()
    private var managementKeys: [KeyHash: String]
    private var clock: SimulatorClock
    private let dataFile: String?
    /// What one inference request costs (see `SimulatorConfiguration.inferenceCost`).
    public let inferenceCost: USD

    /// - Parameters:
    ///   - managementKeys: the secrets accepted as management keys; only their hashes are kept.
    ///   - clock: where simulated time starts.
    ///   - dataFile: a JSON file that keeps the keys and workspaces across restarts.
    ///   - inferenceCost: what one `POST /chat/completions` costs.
    public init(
        managementKeys: [KeySecret], clock: SimulatorClock = SimulatorClock(), dataFile: String? = nil,
        inferenceCost: USD = SimulatorConfiguration.defaultInferenceCost
    ) throws {
        var accepted: [KeyHash: String] = [:]
        for key in managementKeys { accepted[try KeyMaterial.hash(of: key.revealed)] = KeyMaterial.label(of: key) }
        self.managementKeys = accepted
        self.clock = clock
        self.dataFile = dataFile
        self.inferenceCost = inferenceCost
        if let dataFile, let snapshot = try SimulatorSnapshot.load(from: dataFile) {
            self.clock.offset = snapshot.clockOffset
            for key in snapshot.keys { keys[key.hash] = key }
            for workspace in snapshot.workspaces { workspaces[workspace.id] = workspace }
        }
        if workspaces[Self.defaultWorkspaceID] == nil {
            let workspace = try StoredWorkspace.defaultWorkspace()
            workspaces[workspace.id] = workspace
        }
    }

    /// The simulated now.
    public func now() -> Date { clock.now() }

    // MARK: Authentication

    /// The caller behind an `Authorization` header value.
    public func authenticate(authorization: String?) throws(SimulatorError) -> SimulatorCaller {
        try authenticate(tokenHash: Self.tokenHash(authorization: authorization))
    }

    /// The hash of the bearer token in an `Authorization` header value. It takes no state, so
    /// routes compute it before they queue on the actor, which then only looks the hash up.
    public nonisolated static func tokenHash(authorization: String?) throws(SimulatorError) -> KeyHash {
        // Header values hold no line breaks, so whitespace here is spaces and tabs.
        func trimmed(_ text: Substring) -> Substring {
            var start = text.startIndex, end = text.endIndex
            while start < end, text[start].isWhitespace { start = text.index(after: start) }
            while end > start, text[text.index(before: end)].isWhitespace { end = text.index(before: end) }
            return text[start..<end]
        }
        guard let authorization else { throw .missingAuth }
        let whole = trimmed(authorization[...])
        guard !whole.isEmpty else { throw .missingAuth }
        let parts = whole.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw .missingAuth }
        guard let hash = try? KeyMaterial.hash(of: String(trimmed(parts[1]))) else { throw .unknownUser }
        return hash
    }

    /// The caller whose bearer token has `hash` (see `tokenHash(authorization:)`).
    public func authenticate(tokenHash hash: KeyHash) throws(SimulatorError) -> SimulatorCaller {
        if let label = managementKeys[hash] { return .management(label: label) }
        guard let key = keys[hash], !key.disabled, !key.isExpired(at: now()) else { throw .unknownUser }
        return .regular(hash)
    }

    /// Whether `hash` is the hash of an accepted management key.
    func managementKeys(contain hash: KeyHash) -> Bool { managementKeys[hash] != nil }

    // MARK: Routes

    /// One page of keys, newest first (then by hash), filtered before paging.
    public func list(includeDisabled: Bool, offset: Int, workspaceID: String?) -> [APIKey] {
        let now = now()
        return page(includeDisabled: includeDisabled, offset: offset, workspaceID: workspaceID).compactMap { keys[$0]?.apiKey(at: now) }
    }

    /// One page of keys as the list route's response body: exactly the bytes of encoding
    /// `KeyListResponse(data: list(…))`, put together from each key's cached JSON. An unknown
    /// `workspaceID` is a 404, never an empty page.
    public func listBody(includeDisabled: Bool, offset: Int, workspaceID: String?) throws -> [UInt8] {
        if let workspaceID { _ = try workspace(workspaceID) }
        let now = now()
        var body = Array(#"{"data":["#.utf8)
        var first = true
        for hash in page(includeDisabled: includeDisabled, offset: offset, workspaceID: workspaceID) {
            guard let key = keys[hash] else { continue }
            if !first { body.append(UInt8(ascii: ",")) }
            first = false
            if let cached = encodedKeys[hash], cached.source == key, cached.validity.contains(now) {
                body += cached.json
            } else {
                let encoded = EncodedKey(source: key, validity: key.usageConstancy(around: now),
                                         json: Array(try keyEncoder.encode(key.apiKey(at: now))))
                encodedKeys[hash] = encoded
                body += encoded.json
            }
        }
        body += Array("]}".utf8)
        return body
    }

    /// The hashes on one page, newest first (then by hash), filtered before paging.
    private func page(includeDisabled: Bool, offset: Int, workspaceID: String?) -> ArraySlice<KeyHash> {
        let workspace = workspaceID?.lowercased() ?? Self.defaultWorkspaceID
        let order = listingOrder ?? keys.values
            .sorted { $0.createdAt != $1.createdAt ? $0.createdAt > $1.createdAt : $0.hash < $1.hash }
            .map(\.hash)
        listingOrder = order
        let matching = order.filter { hash in
            guard let key = keys[hash] else { return false }
            return key.workspaceID == workspace && (includeDisabled || !key.disabled)
        }
        guard offset < matching.count else { return [] }
        return matching[offset..<min(offset + KeyListResponse.pageSize, matching.count)]
    }

    /// Creates a key in the workspace the request names (by id), or the default one; an unknown
    /// workspace is a 404.
    public func create(_ request: CreateKeyRequest) throws -> CreateKeyResponse {
        var request = request
        if let workspaceID = request.workspaceID { request.workspaceID = try workspace(workspaceID).id }
        let secret = try KeyMaterial.newSecret()
        let hash = try KeyMaterial.hash(of: secret.revealed)
        let key = StoredKey(
            hash: hash, name: request.name, label: KeyMaterial.label(of: secret), request: request, createdAt: now(),
            creatorUserID: Self.userID, workspaceID: Self.defaultWorkspaceID)
        keys[hash] = key
        forgetListings()
        try save()
        return CreateKeyResponse(data: key.apiKey(at: now()), key: secret)
    }

    public func get(_ hash: KeyHash) throws(SimulatorError) -> APIKey {
        guard let key = keys[hash] else { throw .notFound }
        return key.apiKey(at: now())
    }

    public func update(_ hash: KeyHash, _ update: UpdateKeyRequest) throws -> APIKey {
        guard var key = keys[hash] else { throw SimulatorError.notFound }
        if let name = update.name { key.name = name }
        if let disabled = update.disabled { key.disabled = disabled }
        key.limit = update.limit.applied(to: key.limit)
        key.reset = update.limitReset.applied(to: key.reset)
        if let include = update.includeBYOKInLimit { key.includeBYOKInLimit = include }
        key.updatedAt = now()
        keys[hash] = key
        try save()
        return key.apiKey(at: now())
    }

    public func delete(_ hash: KeyHash) throws {
        guard keys.removeValue(forKey: hash) != nil else { throw SimulatorError.notFound }
        encodedKeys[hash] = nil
        forgetListings()
        try save()
    }

    /// What `GET /key` reports for `caller`.
    public func currentKey(for caller: SimulatorCaller) throws(SimulatorError) -> CurrentKey {
        switch caller {
        case .management(let label):
            return CurrentKey(label: label, isManagementKey: true, creatorUserID: Self.userID)
        case .regular(let hash):
            guard let key = keys[hash] else { throw .unknownUser }
            return key.currentKey(at: now())
        }
    }

    // MARK: Control

    /// Records spend on a key at the simulated now; it counts against the key's workspace too.
    public func recordSpend(on hash: KeyHash, amount: USD, byok: Bool) throws -> APIKey {
        guard var key = keys[hash] else { throw SimulatorError.notFound }
        let record = SpendRecord(at: now(), amount: amount, byok: byok)
        key.spend.append(record)
        keys[hash] = key
        workspaces[key.workspaceID]?.spend.append(record)
        try save()
        return key.apiKey(at: now())
    }

    /// Moves simulated time forward (or back, for a negative value).
    public func advanceClock(by seconds: TimeInterval) throws -> Date {
        clock.advance(by: seconds)
        try save()
        return now()
    }

    /// Forgets every key, every workspace but a fresh default one, and the clock offset;
    /// management keys stay.
    public func reset() throws {
        keys = [:]
        let workspace = try StoredWorkspace.defaultWorkspace()
        workspaces = [workspace.id: workspace]
        encodedKeys = [:]
        forgetListings()
        clock.offset = 0
        try save()
    }

    /// Drops the cached listing order, after keys were added or removed.
    private func forgetListings() {
        listingOrder = nil
    }

    /// A key's JSON in a listing, with the key it was made from and the span of simulated time
    /// in which that key reports the same usage.
    private struct EncodedKey {
        let source: StoredKey
        let validity: Range<Date>
        let json: [UInt8]
    }

    /// How many keys exist, disabled ones included.
    public var keyCount: Int { keys.count }

    func save() throws {
        guard let dataFile else { return }
        let snapshot = SimulatorSnapshot(
            clockOffset: clock.offset, keys: keys.values.sorted { $0.hash < $1.hash },
            workspaces: workspaces.values.sorted { $0.id < $1.id })
        try snapshot.write(to: dataFile)
    }
}
