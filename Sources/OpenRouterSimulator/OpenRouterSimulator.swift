import Foundation
public import Hummingbird
import HTTPTypes
import Domain
import Logging
import OpenRouterAPI

/// An in-process stand-in for OpenRouter's key-management API (`/api/v1/keys*`, `/api/v1/key`),
/// its workspaces and their budgets (`/api/v1/workspaces*`), and a minimal inference route that
/// enforces key limits and budgets (`/api/v1/chat/completions`), plus control routes under
/// `/_simulator` that record spend, move the clock and set faults.
///
/// Start it with `RunningSimulator.start(_:)`, or build the router here and serve it yourself.
public final class OpenRouterSimulator: Sendable {
    /// The path every OpenRouter route lives under.
    public static let apiPrefix = "/api/v1"
    /// The path of the control routes, which are not part of OpenRouter's API.
    public static let controlPrefix = "/_simulator"

    public let configuration: SimulatorConfiguration
    public let state: SimulatorState
    public let faults: FaultInjector

    public init(configuration: SimulatorConfiguration) throws {
        self.configuration = configuration
        state = try SimulatorState(
            managementKeys: configuration.managementKeys, clock: configuration.clock, dataFile: configuration.dataFile,
            inferenceCost: configuration.inferenceCost)
        faults = FaultInjector(settings: configuration.faults)
    }

    /// The router with every OpenRouter route and every control route.
    public func makeRouter() -> Router<SimulatorRequestContext> {
        let router = Router(context: SimulatorRequestContext.self)
        router.add(middleware: FaultMiddleware(injector: faults, apiPrefix: Self.apiPrefix))
        addAPIRoutes(to: router)
        addWorkspaceRoutes(to: router)
        addInferenceRoutes(to: router)
        addControlRoutes(to: router)
        return router
    }

    private func addAPIRoutes(to router: Router<SimulatorRequestContext>) {
        let state = state
        let api = router.group(RouterPath(Self.apiPrefix))

        api.get("keys") { request, _ in
            try await Self.requireManagement(request, state)
            let query = request.uri.queryParameters
            let includeDisabled = try Self.booleanParameter(query["include_disabled"].map(String.init), "include_disabled")
            var offset = 0
            if let text = query["offset"], !text.isEmpty, text != "null" {
                guard let value = Int(text), value >= 0 else {
                    throw SimulatorError.badRequest("offset must be a whole number of 0 or more")
                }
                offset = value
            }
            let workspace = query["workspace_id"].map(String.init)
            if let workspace, UUID(uuidString: workspace) == nil {
                throw SimulatorError.badRequest("workspace_id must be a UUID")
            }
            // An unknown workspace is a 404 (from listBody), never an empty page.
            let body = try await state.listBody(includeDisabled: includeDisabled, offset: offset, workspaceID: workspace)
            return SimulatorResponses.json(bytes: body)
        }

        api.post("keys") { request, _ in
            try await Self.requireManagement(request, state)
            let body = try await Self.jsonObject(request)
            let create = try Self.validateCreate(body)
            let response = try await state.create(create)
            return try SimulatorResponses.json(response, status: .created)
        }

        api.get("keys/:hash") { request, context in
            try await Self.requireManagement(request, state)
            return try SimulatorResponses.json(KeyResponse(data: try await state.get(Self.hash(context))))
        }

        api.patch("keys/:hash") { request, context in
            try await Self.requireManagement(request, state)
            let hash = try Self.hash(context)
            let body = try await Self.jsonObject(request)
            let update = try Self.validateUpdate(body)
            return try SimulatorResponses.json(KeyResponse(data: try await state.update(hash, update)))
        }

        api.delete("keys/:hash") { request, context in
            try await Self.requireManagement(request, state)
            try await state.delete(Self.hash(context))
            return try SimulatorResponses.json(DeleteKeyResponse())
        }

        let current: @Sendable (Request, SimulatorRequestContext) async throws -> Response = { request, _ in
            let caller = try await state.authenticate(tokenHash: SimulatorState.tokenHash(authorization: request.headers[.authorization]))
            return try SimulatorResponses.json(CurrentKeyResponse(data: try await state.currentKey(for: caller)))
        }
        api.get("key", use: current)
        api.get("auth/key", use: current)
    }

    // MARK: Request checks

    static func requireManagement(_ request: Request, _ state: SimulatorState) async throws {
        let caller = try await state.authenticate(tokenHash: SimulatorState.tokenHash(authorization: request.headers[.authorization]))
        guard case .management = caller else { throw SimulatorError.forbidden }
    }

    static func hash(_ context: SimulatorRequestContext) throws -> KeyHash {
        guard let text = context.parameters.get("hash") else { throw SimulatorError.notFound }
        return KeyHash(text)
    }

    static func booleanParameter(_ text: String?, _ name: String) throws -> Bool {
        switch text?.lowercased() {
        case nil, "", "false": return false
        case "true": return true
        default: throw SimulatorError.badRequest("\(name) must be true or false")
        }
    }

    /// The request body as a JSON object; 400 for anything else.
    static func jsonObject(_ request: Request) async throws -> [String: JSONValue] {
        var request = request
        let buffer = try await request.collectBody(upTo: 1 << 20)
        let data = Data(buffer.readableBytesView)
        // Strict JSON through Foundation only: the simulator is the reference the conformance
        // tests trust, so it reads requests the plain way, without the client's cJSON fast path.
        do {
            return try APIBodyDecoder.decode([String: JSONValue].self, from: data)
        } catch DecodingError.dataCorrupted(let context) where !context.codingPath.isEmpty {
            // A number beyond a Double's range (`"limit": 1e400`), named by its field.
            throw SimulatorError.badRequest(context.debugDescription)
        } catch {
            throw SimulatorError.badRequest("the body must be a JSON object")
        }
    }

    static func validateCreate(_ body: [String: JSONValue]) throws -> CreateKeyRequest {
        guard case .string(let name) = body["name"], !name.isEmpty else {
            throw SimulatorError.badRequest("name is required and must be a non-empty string")
        }
        var request = CreateKeyRequest(name: name)
        request.limit = try limit(body["limit"])
        request.limitReset = try limitReset(body["limit_reset"])
        switch body["include_byok_in_limit"] {
        case nil, .null?: break
        case .bool(let value)?: request.includeBYOKInLimit = value
        default: throw SimulatorError.badRequest("include_byok_in_limit must be a boolean")
        }
        switch body["expires_at"] {
        case nil, .null?: break
        case .string(let text)?:
            guard let timestamp = APITimestamp(parsing: text) else {
                throw SimulatorError.badRequest("expires_at must be an ISO 8601 timestamp")
            }
            guard timestamp.isUTC else { throw SimulatorError.badRequest("expires_at must be in UTC") }
            request.expiresAt = timestamp
        default: throw SimulatorError.badRequest("expires_at must be an ISO 8601 UTC timestamp or null")
        }
        switch body["creator_user_id"] {
        case nil, .null?: break
        case .string(let text)? where !text.isEmpty: request.creatorUserID = text
        default: throw SimulatorError.badRequest("creator_user_id must be a non-empty string or null")
        }
        switch body["workspace_id"] {
        case nil: break
        case .string(let text)? where UUID(uuidString: text) != nil: request.workspaceID = text.lowercased()
        default: throw SimulatorError.badRequest("workspace_id must be a UUID")
        }
        return request
    }

    static func validateUpdate(_ body: [String: JSONValue]) throws -> UpdateKeyRequest {
        let unknown = Set(body.keys).subtracting(UpdateKeyRequest.mutableFields)
        guard unknown.isEmpty else {
            throw SimulatorError.badRequest("these fields cannot be updated: \(unknown.sorted().joined(separator: ", "))")
        }
        var update = UpdateKeyRequest()
        switch body["name"] {
        case nil: break
        case .string(let name)? where !name.isEmpty: update.name = name
        default: throw SimulatorError.badRequest("name must be a non-empty string")
        }
        switch body["disabled"] {
        case nil: break
        case .bool(let value)?: update.disabled = value
        default: throw SimulatorError.badRequest("disabled must be a boolean")
        }
        if body.keys.contains("limit") { update.limit = try limit(body["limit"]).map(FieldUpdate.set) ?? .clear }
        if body.keys.contains("limit_reset") {
            update.limitReset = try limitReset(body["limit_reset"]).map(FieldUpdate.set) ?? .clear
        }
        switch body["include_byok_in_limit"] {
        case nil: break
        case .bool(let value)?: update.includeBYOKInLimit = value
        default: throw SimulatorError.badRequest("include_byok_in_limit must be a boolean")
        }
        return update
    }

    /// A limit as the request gives it. One beyond what `USD` holds (about $9.2 billion) is a 400
    /// rather than a saturated value: the simulator cannot store what was asked for, and says so
    /// instead of answering with a different limit.
    static func limit(_ value: JSONValue?) throws -> USD? {
        switch value {
        case nil, .null?: return nil
        case .number(let number)? where number >= 0 && number.isFinite:
            guard USD.isRepresentable(number) else {
                throw SimulatorError.badRequest("limit must be at most \(USD.max.formatted(minimumDecimals: 0)), not \(number)")
            }
            return USD(number)
        default: throw SimulatorError.badRequest("limit must be a number of 0 or more, or null")
        }
    }

    static func limitReset(_ value: JSONValue?) throws -> LimitReset? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?:
            guard let reset = LimitReset(rawValue: text) else {
                throw SimulatorError.badRequest("limit_reset must be daily, weekly, monthly or null")
            }
            return reset
        default: throw SimulatorError.badRequest("limit_reset must be daily, weekly, monthly or null")
        }
    }
}
