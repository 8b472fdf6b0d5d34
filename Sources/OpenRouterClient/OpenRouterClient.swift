import Foundation
public import Logging
public import OpenRouterAPI
import AsyncHTTPClient
import NIOCore
import NIOHTTP1

/// The OpenRouter management API, as keyplane uses it: every page of keys and workspaces, creates
/// that never duplicate a key or a workspace, workspace budgets, retries where repeating is safe,
/// and one limit on requests in flight.
///
/// The limit is the connection pool's: requests go over HTTP/1.1, one at a time per connection,
/// on at most `maxConcurrentRequests` connections. Requests beyond that wait in AsyncHTTPClient's
/// pool and go out from its event loop the moment a connection is free. (An actor gate in front
/// of the pool did the same with several thread hops per hand-over; at 20 ms of latency, 1,000
/// creates took 0.2 s longer through it.)
///
/// Call `shutdown()` when done.
public final class OpenRouterClient: Sendable {
    public let configuration: OpenRouterConfiguration
    public let retryPolicy: RetryPolicy
    /// How many list pages are fetched at once.
    public let pageConcurrency: Int
    /// The most requests in flight at once, for all callers together.
    public let maxConcurrentRequests: Int
    private let http: HTTPClient
    private let logger: Logger

    /// - Parameters:
    ///   - maxConcurrentRequests: the most requests in flight at once, for all callers together.
    ///   - pageConcurrency: list pages fetched at once (within the global limit).
    public init(
        configuration: OpenRouterConfiguration, maxConcurrentRequests: Int = 8, pageConcurrency: Int = 4,
        retryPolicy: RetryPolicy = RetryPolicy(), logger: Logger = Logger(label: "keyplane.openrouter")
    ) {
        self.configuration = configuration
        self.retryPolicy = retryPolicy
        self.pageConcurrency = max(1, pageConcurrency)
        self.maxConcurrentRequests = max(1, maxConcurrentRequests)
        self.logger = logger
        var httpConfiguration = HTTPClient.Configuration()
        httpConfiguration.timeout = .init(connect: .seconds(10), read: Self.timeAmount(retryPolicy.requestTimeout))
        // HTTP/2 would multiplex any number of requests over one connection; with HTTP/1.1 each
        // connection carries one request at a time, so the pool's size is the limit. It is a hard
        // one as long as no request asks for a particular event loop, and none does.
        httpConfiguration.httpVersion = .http1Only
        httpConfiguration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = max(1, maxConcurrentRequests)
        // A connection that cannot be made fails its request at once, and `send` retries it with
        // its own backoff (such a request never reached the server, so even a create may go
        // again). Left to AsyncHTTPClient, each attempt kept reconnecting until the 10 s connect
        // timeout: an unreachable API took 53 s to report, in silence.
        httpConfiguration.connectionPool.retryConnectionEstablishment = false
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
    }

    /// Closes the connections.
    public func shutdown() async throws { try await http.shutdown() }

    // MARK: The API

    /// `GET /key`: what OpenRouter says about the configured key.
    public func currentKey() async throws -> CurrentKey {
        let reply = try await send(.currentKey, method: .GET, path: "/key")
        return try decode(CurrentKeyResponse.self, reply, .currentKey).data
    }

    /// Checks that the configured key is a management key, before any key management.
    @discardableResult
    public func verifyManagementKey() async throws -> CurrentKey {
        let current = try await currentKey()
        guard current.isManagementKey else { throw OpenRouterClientError.notAManagementKey(label: current.label) }
        return current
    }

    /// One page of `GET /keys` (up to 100 keys, newest first) of the workspace with the id
    /// `workspaceID` (a UUID), or of the default workspace when it is nil. An unknown workspace
    /// is `OpenRouterClientError.workspaceNotFound`.
    public func listPage(offset: Int, includeDisabled: Bool = true, workspaceID: String? = nil) async throws -> [APIKey] {
        var query = [("include_disabled", includeDisabled ? "true" : "false"), ("offset", String(offset))]
        if let workspaceID { query.append(("workspace_id", Self.escaped(workspaceID))) }
        let reply = try await send(
            .listKeys, method: .GET, path: "/keys", query: query, resource: workspaceID.map(Resource.workspace))
        // The fast path reads the page through cJSON; anything it does not expect is decoded
        // again by JSONDecoder, which accepts or refuses it and words the error.
        if let page = KeyListResponse(reading: reply.body) { return page.data }
        return try decode(KeyListResponse.self, reply, .listKeys).data
    }

    /// Every key of one workspace (`workspaceID`, a UUID; nil for the default workspace),
    /// disabled ones included by default, page by page until a short page. After the
    /// first page, `pageConcurrency` pages are in flight at all times: each answer starts the next
    /// page, so one slow page does not hold the others back. Pages past the first short one,
    /// started before it was seen, are dropped. A key that appears on two pages (because keys were
    /// created while paging) is listed once. `firstPage`, when given, is the page at offset 0
    /// already fetched with the same `includeDisabled` and workspace, and is not fetched again.
    public func listKeys(includeDisabled: Bool = true, workspaceID: String? = nil, firstPage: [APIKey]? = nil) async throws -> [APIKey] {
        try await listKeys(includeDisabled: includeDisabled, workspaceID: workspaceID, firstPage: firstPage, pagesInFlight: pageConcurrency)
    }

    /// `listKeys` with `pagesInFlight` pages fetched at once after the first; 1 fetches page
    /// after page, for callers that already keep the in-flight limit busy with other lists.
    func listKeys(includeDisabled: Bool, workspaceID: String?, firstPage: [APIKey]?, pagesInFlight: Int) async throws -> [APIKey] {
        let pageSize = KeyListResponse.pageSize
        let first: [APIKey]
        if let firstPage {
            first = firstPage
        } else {
            first = try await listPage(offset: 0, includeDisabled: includeDisabled, workspaceID: workspaceID)
        }
        var pages: [Int: [APIKey]] = [0: first]
        var lastPage = first.count < pageSize ? 0 : Int.max  // the index of the first short page
        if lastPage != 0 {
            try await withThrowingTaskGroup(of: (Int, [APIKey]).self) { group in
                var next = 1
                func startPage() {
                    let index = next
                    next += 1
                    group.addTask {
                        (index, try await self.listPage(offset: index * pageSize, includeDisabled: includeDisabled, workspaceID: workspaceID))
                    }
                }
                for _ in 0..<max(1, pagesInFlight) { startPage() }
                while let (index, page) = try await group.next() {
                    pages[index] = page
                    if page.count < pageSize { lastPage = min(lastPage, index) }
                    if next <= lastPage { startPage() }
                }
            }
        }
        var keys: [APIKey] = []
        keys.reserveCapacity((lastPage + 1) * pageSize)
        for index in 0...lastPage { keys += pages[index] ?? [] }
        var seen = Set<KeyHash>()
        return keys.filter { seen.insert($0.hash).inserted }
    }

    /// The keys whose name carries `marker` in the workspace the create named (nil: the default
    /// one): how to learn what an ambiguous create did.
    public func findKeys(marker: CreationMarker, workspaceID: String? = nil) async throws -> [APIKey] {
        try await listKeys(includeDisabled: true, workspaceID: workspaceID).filter { marker.isMarking($0.name) }
    }

    /// `GET /keys/{hash}`.
    public func getKey(_ hash: KeyHash) async throws -> APIKey {
        let reply = try await send(.getKey, method: .GET, path: "/keys/\(hash.rawValue)", resource: .key(hash))
        return try decode(KeyResponse.self, reply, .getKey).data
    }

    /// `POST /keys`, at most once. `request.name` must contain `marker`. When the outcome is
    /// unknown (the connection dropped, a timeout, a `5xx`), the result is `.ambiguous`, never a
    /// second attempt. A `429`, or a connection that never opened, is retried, since then the
    /// server did not act on the request. `request.workspaceID` is sent: the key lands in that
    /// workspace, and an unknown one is `OpenRouterClientError.workspaceNotFound`.
    public func createKey(_ request: CreateKeyRequest, marker: CreationMarker) async throws -> CreateOutcome {
        guard marker.isMarking(request.name) else {
            throw OpenRouterClientError.markerMissing(name: request.name, marker: marker)
        }
        let body = try JSONEncoder().encode(request)
        do {
            let reply = try await send(
                .createKey, method: .POST, path: "/keys", body: body, resource: request.workspaceID.map(Resource.workspace),
                repeatIfUnknown: false)
            // Read through cJSON first, like pages of keys; JSONDecoder decides anything else.
            if let created = CreateKeyResponse(reading: reply.body) { return .created(created) }
            return .created(try decode(CreateKeyResponse.self, reply, .createKey))
        } catch let unknown as UnknownOutcome {
            logger.warning(
                "create outcome unknown; not retrying",
                metadata: ["marker": "\(marker)", "reason": "\(unknown.reason)"])
            return .ambiguous(AmbiguousCreate(request: request, marker: marker, reason: unknown.reason))
        }
    }

    /// `PATCH /keys/{hash}`. Repeating it sets the same values again, so it is retried.
    public func updateKey(_ hash: KeyHash, _ update: UpdateKeyRequest) async throws -> APIKey {
        let body = try JSONEncoder().encode(update)
        let reply = try await send(.updateKey, method: .PATCH, path: "/keys/\(hash.rawValue)", body: body, resource: .key(hash))
        return try decode(KeyResponse.self, reply, .updateKey).data
    }

    /// `DELETE /keys/{hash}`. Retried; a `404` after an attempt with an unknown outcome means
    /// that attempt deleted the key, and counts as success.
    public func deleteKey(_ hash: KeyHash) async throws {
        let reply = try await send(
            .deleteKey, method: .DELETE, path: "/keys/\(hash.rawValue)", resource: .key(hash), notFoundAfterUnknownIsSuccess: true)
        if reply.status == 200, !reply.body.isEmpty { _ = try decode(DeleteKeyResponse.self, reply, .deleteKey) }
    }

    // MARK: Sending

    /// What a route's path or query names, so that a `404` becomes the error that says which.
    enum Resource {
        case key(KeyHash)
        /// A workspace id or slug.
        case workspace(String)
    }

    /// `text` with everything but RFC 3986's unreserved characters percent-encoded, for a path
    /// segment or a query value.
    static func escaped(_ text: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    struct Reply {
        var status: Int
        var headers: HTTPHeaders
        var body: Data
    }

    /// The request was sent and no answer came: it may have taken effect.
    struct UnknownOutcome: Error {
        var reason: String
    }

    private enum AttemptResult {
        case reply(Reply)
        /// A transport failure; `maybeSent` is false only when no connection was ever made.
        case failure(description: String, maybeSent: Bool)
    }

    func send(
        _ route: APIRoute, method: HTTPMethod, path: String, query: [(String, String)] = [], body: Data? = nil,
        resource: Resource? = nil, repeatIfUnknown: Bool = true, notFoundAfterUnknownIsSuccess: Bool = false
    ) async throws -> Reply {
        var url = configuration.baseURL.absoluteString + path
        if !query.isEmpty { url += "?" + query.map { "\($0.0)=\($0.1)" }.joined(separator: "&") }
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(configuration.managementKey.revealed)")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "keyplane")
        if let body {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: body))
        }

        var unknownEarlier = false
        var attempt = 0
        while true {
            attempt += 1
            let started = ContinuousClock.now
            let result = await perform(request)
            let elapsed = ContinuousClock.now - started
            let retryHint: Duration?
            let finalError: any Error

            switch result {
            case .reply(let reply):
                logger.debug(
                    "\(route) → \(reply.status)",
                    metadata: ["attempt": "\(attempt)", "ms": "\(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)"])
                switch reply.status {
                case 200..<300:
                    return reply
                case 404 where notFoundAfterUnknownIsSuccess && unknownEarlier:
                    logger.debug("\(route) → 404 after an unanswered attempt: the earlier attempt succeeded")
                    return Reply(status: 200, headers: reply.headers, body: Data())
                case 429:
                    retryHint = serverHint(reply.headers)
                    finalError = OpenRouterClientError.rateLimited(route: route, attempts: attempt)
                case 500..<600:
                    let message = errorMessage(reply)
                    guard repeatIfUnknown else {
                        throw UnknownOutcome(reason: "HTTP \(reply.status) \(message)")
                    }
                    unknownEarlier = true
                    retryHint = serverHint(reply.headers)
                    finalError = OpenRouterClientError.serverError(
                        route: route, status: reply.status, message: message, attempts: attempt)
                default:
                    throw failure(for: reply, route: route, resource: resource)
                }
            case .failure(let description, let maybeSent):
                logger.debug("\(route) failed: \(description)", metadata: ["attempt": "\(attempt)"])
                if maybeSent {
                    guard repeatIfUnknown else { throw UnknownOutcome(reason: description) }
                    unknownEarlier = true
                }
                retryHint = nil
                finalError = OpenRouterClientError.transport(route: route, detail: description, attempts: attempt)
            }

            if let retryHint, retryHint > retryPolicy.maxServerWait { throw finalError }
            guard attempt < retryPolicy.maxAttempts else { throw finalError }
            let delay = retryPolicy.delay(after: attempt, serverHint: retryHint)
            logger.notice(
                "retrying \(route)",
                metadata: ["attempt": "\(attempt)", "wait_ms": "\(delay.components.seconds * 1000 + delay.components.attoseconds / 1_000_000_000_000_000)"])
            try await Task.sleep(for: delay)
        }
    }

    /// One attempt; it waits in the connection pool while every connection is busy.
    private func perform(_ request: HTTPClientRequest) async -> AttemptResult {
        let result: AttemptResult
        do {
            let response = try await http.execute(request, timeout: Self.timeAmount(retryPolicy.requestTimeout), logger: nil)
            var buffer = try await response.body.collect(upTo: 32 << 20)
            let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
            result = .reply(Reply(status: Int(response.status.code), headers: response.headers, body: Data(bytes)))
        } catch {
            result = .failure(description: redact(Self.describe(error)), maybeSent: !Self.neverConnected(error))
        }
        return result
    }

    /// `Retry-After` (seconds) or `X-RateLimit-Reset` (epoch milliseconds), whichever is later.
    private func serverHint(_ headers: HTTPHeaders) -> Duration? {
        var hint: Duration?
        if let text = headers.first(name: "Retry-After"), let seconds = Double(text.trimmingCharacters(in: .whitespaces)) {
            hint = .milliseconds(Int64(max(0, seconds) * 1000))
        }
        if let text = headers.first(name: "X-RateLimit-Reset"), let millis = Double(text) {
            let wait = millis - Date().timeIntervalSince1970 * 1000
            if wait > 0 { hint = max(hint ?? .zero, .milliseconds(Int64(wait))) }
        }
        return hint
    }

    private func failure(for reply: Reply, route: APIRoute, resource: Resource?) -> OpenRouterClientError {
        let message = errorMessage(reply)
        switch (reply.status, resource) {
        case (400, _): return .badRequest(route: route, message: message)
        case (401, _): return .managementKeyRejected(message: message)
        case (403, _) where route.writesBudget: return .budgetsNotAvailable(message: message)
        case (403, _): return .notAManagementKey(label: nil)
        case (404, .key(let hash)?): return .keyNotFound(hash)
        case (404, .workspace(let reference)?): return .workspaceNotFound(reference)
        default: return .unexpectedStatus(route: route, status: reply.status, message: message)
        }
    }

    /// The error envelope's message, or the start of a non-JSON body (edge proxies send HTML).
    private func errorMessage(_ reply: Reply) -> String {
        if let envelope = try? JSONDecoder().decode(ErrorEnvelope.self, from: reply.body) {
            return redact(envelope.error.message)
        }
        let text = String(decoding: reply.body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no details" : redact(text)
    }

    func decode<T: Decodable>(_ type: T.Type, _ reply: Reply, _ route: APIRoute) throws -> T {
        do { return try APIBodyDecoder.decode(T.self, from: reply.body) } catch {
            throw OpenRouterClientError.invalidResponse(route: route, detail: redact("\(error)"))
        }
    }

    /// Removes the management key from text that came from elsewhere, in case it was echoed.
    private func redact(_ text: String) -> String {
        let key = configuration.managementKey.revealed
        guard !key.isEmpty else { return text }
        return text.replacingOccurrences(of: key, with: "[management key]")
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .remoteConnectionClosed: return "the connection closed before a response arrived"
            case .readTimeout, .deadlineExceeded: return "no response in time"
            case .connectTimeout: return "connecting timed out"
            default: return "\(error)"
            }
        }
        return "\(error)"
    }

    /// True only when the request cannot have reached the server: no connection was made.
    private static func neverConnected(_ error: any Error) -> Bool {
        if let error = error as? HTTPClientError {
            return error == .connectTimeout || error == .getConnectionFromPoolTimeout
        }
        if let error = error as? ChannelError, case .connectTimeout = error { return true }
        let type = String(describing: Swift.type(of: error))
        return type.contains("NIOConnectionError") || type.contains("ConnectionRefused")
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
