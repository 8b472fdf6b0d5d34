import Domain
import Foundation
import OpenRouterAPI
import OpenRouterSimulator
import TestSupport
import Testing
import YAML

/// Walks every route and every status code in OpenRouter's OpenAPI documents (the keys document,
/// and the workspace and budget routes of the platform document), makes the simulator answer with
/// that status, and checks the answer against the documented schema.
@Suite struct ConformanceTests {
    static func loadDocument(_ name: String = "openrouter-keys-openapi") throws -> [String: Any] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "yaml", subdirectory: "Resources"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let root = try #require(try YAMLComposer.compose(text))
        return try #require(plainValue(of: root) as? [String: Any])
    }

    /// A node as Foundation values, reading plain scalars the way JSON would: null, booleans and
    /// numbers; every other scalar is text.
    static func plainValue(of node: YAMLNode) -> Any {
        switch node.kind {
        case .mapping:
            return Dictionary(node.pairs.map { ($0.key.text ?? "", plainValue(of: $0.value)) }, uniquingKeysWith: { first, _ in first })
        case .sequence:
            return node.items.map(plainValue(of:))
        case .scalar:
            let text = node.text ?? ""
            guard node.style == .plain else { return text }
            switch text {
            case "", "~", "null": return NSNull()
            case "true": return true
            case "false": return false
            default:
                if let number = Int(text) { return number }
                if let number = Double(text) { return number }
                return text
            }
        }
    }

    @Test func everyDocumentedRouteAndStatusAnswersInTheDocumentedShape() async throws {
        let covered = try await Self.walk(try Self.loadDocument(), paths: { _ in true }, trigger: Self.trigger(_:method:path:status:))
        #expect(covered == 30)
    }

    /// Every workspace and budget route of the platform document; its other routes (BYOK,
    /// credits, guardrails, workspace members) are not simulated.
    @Test func everyWorkspaceAndBudgetRouteAndStatusAnswersInTheDocumentedShape() async throws {
        let document = try Self.loadDocument("openrouter-platform-openapi")
        let covered = try await Self.walk(
            document, paths: { $0.hasPrefix("/workspaces") && !$0.contains("/members") }, trigger: Self.triggerWorkspace(_:method:path:status:))
        #expect(covered == 43)
    }

    /// Calls `trigger` for every status of every operation on the paths `paths` accepts, checks
    /// each answer against its schema, and returns how many answers were checked.
    static func walk(
        _ document: [String: Any], paths accept: (String) -> Bool,
        trigger: (SimulatorHarness, String, String, Int) async throws -> RawHTTP.Reply
    ) async throws -> Int {
        let paths = try #require(document["paths"] as? [String: Any]).filter { accept($0.key) }
        let validator = SchemaValidator(document: document)
        var covered = 0
        try await SimulatorHarness.with { sim in
            for (path, operations) in paths.sorted(by: { $0.key < $1.key }) {
                for (method, operation) in (operations as? [String: Any] ?? [:]).sorted(by: { $0.key < $1.key }) {
                    let responses = (operation as? [String: Any])?["responses"] as? [String: Any] ?? [:]
                    for (statusText, response) in responses.sorted(by: { $0.key < $1.key }) {
                        let status = try #require(Int(statusText))
                        let reply = try await trigger(sim, method.uppercased(), path, status)
                        let context = "\(method.uppercased()) \(path) → \(status)"
                        #expect(reply.status == status, "\(context): got \(reply.status)")
                        let schema = try #require(
                            (((response as? [String: Any])?["content"] as? [String: Any])?["application/json"]
                                as? [String: Any])?["schema"] as? [String: Any])
                        let value = try JSONDecoder().decode(JSONValue.self, from: reply.body)
                        let problems = validator.problems(value, schema, at: "")
                        #expect(problems.isEmpty, "\(context): \(problems.joined(separator: "; "))")
                        if status >= 400, case .object(let body) = value, case .object(let error)? = body["error"] {
                            #expect(error["code"] == .number(Double(status)), "\(context): error.code")
                        }
                        covered += 1
                    }
                }
            }
        }
        return covered
    }

    /// Makes the simulator answer `method path` with `status`, for the keys document.
    static func trigger(_ sim: SimulatorHarness, method: String, path: String, status: Int) async throws -> RawHTTP.Reply {
        let management = sim.managementKey.revealed
        var faults = FaultSettings()
        switch status {
        case 429: faults.rateLimitNext = 1
        case 500: faults.serverErrorNext = 1
        default: break
        }
        await sim.faults.replace(with: faults)
        let existing = try await sim.state.create(
            CreateKeyRequest(name: "conformance", limit: .init(10), limitReset: .monthly,
                             expiresAt: APITimestamp(parsing: "2099-12-31T23:59:59Z")))
        let unknownHash = String(repeating: "ab", count: 32)
        var bearer: String? = management
        var url = sim.baseURL + path.replacingOccurrences(of: "{hash}", with: existing.data.hash.rawValue)
        var body: String?
        if method == "POST" { body = #"{"name":"conformance","limit":50,"limit_reset":"monthly","include_byok_in_limit":true}"# }
        if method == "PATCH" { body = #"{"name":"renamed","limit":null}"# }
        switch status {
        case 400:
            if method == "GET" { url += "?offset=-1" }
            if method == "POST" { body = #"{"name":""}"# }
            if method == "PATCH" { body = #"{"expires_at":"2030-01-01T00:00:00Z"}"# }
        case 401: bearer = nil
        case 403: bearer = existing.key.revealed
        case 404: url = sim.baseURL + path.replacingOccurrences(of: "{hash}", with: unknownHash)
        default: break
        }
        return try await RawHTTP.send(method, url, bearer: bearer, json: body)
    }

    /// Makes the simulator answer `method path` with `status`, for the workspace routes. Each
    /// call works on a fresh workspace with a monthly budget; `{interval}` is `monthly`.
    static func triggerWorkspace(_ sim: SimulatorHarness, method: String, path: String, status: Int) async throws -> RawHTTP.Reply {
        let management = sim.managementKey.revealed
        var faults = FaultSettings()
        if status == 500 { faults.serverErrorNext = 1 }
        await sim.faults.replace(with: faults)
        let count = await sim.state.workspaceCount
        let workspace = try await sim.state.createWorkspace(
            CreateWorkspaceRequest(name: "Conformance \(count)", slug: "conformance-\(count)", description: "checked"))
        _ = try await sim.state.upsertBudget(workspace.id, .monthly, UpsertWorkspaceBudgetRequest(limitUSD: USD(50)))
        let regular = try await sim.state.create(CreateKeyRequest(name: "regular")).key.revealed
        var reference = workspace.id
        var interval = "monthly"
        var bearer: String? = management
        var body: String?
        switch method {
        case "POST": body = #"{"name":"Created","slug":"created-\#(count)","description":"new"}"#
        case "PATCH": body = #"{"name":"Renamed","description":null}"#
        case "PUT": body = #"{"limit_usd":100,"include_byok_in_budgets":true}"#
        default: break
        }
        switch status {
        case 400:
            switch method {
            case "POST": body = #"{"name":"Bad","slug":"Not A Slug"}"#
            case "PATCH": body = #"{"slug":"-bad-"}"#
            case "PUT": body = #"{"limit_usd":0}"#
            case "DELETE" where !path.contains("{interval}"):
                // A workspace that still holds a key.
                _ = try await sim.state.create(CreateKeyRequest(name: "holder", workspaceID: workspace.id))
            default: interval = "yearly"
            }
        case 401: bearer = nil
        case 403:
            if method == "DELETE" { reference = SimulatorState.defaultWorkspaceID } else { bearer = regular }
        case 404: reference = "no-such-workspace"
        default: break
        }
        let url = sim.baseURL + path.replacingOccurrences(of: "{id}", with: reference).replacingOccurrences(of: "{interval}", with: interval)
        return try await RawHTTP.send(method, url, bearer: bearer, json: body)
    }
}

/// Enough of JSON Schema for OpenAPI 3.1 response bodies: `$ref`, `allOf`, `type` (with
/// `null`), `properties`, `required`, `items` and `enum`.
struct SchemaValidator {
    let document: [String: Any]

    func problems(_ value: JSONValue, _ schema: [String: Any], at path: String) -> [String] {
        if let all = schema["allOf"] as? [Any] {
            return all.compactMap { $0 as? [String: Any] }.flatMap { problems(value, $0, at: path) }
        }
        if let ref = schema["$ref"] as? String {
            let name = ref.replacingOccurrences(of: "#/components/schemas/", with: "")
            guard let resolved = ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name]
                as? [String: Any]
            else { return ["\(path): unresolved \(ref)"] }
            return problems(value, resolved, at: path)
        }
        var types: [String] = []
        if let single = schema["type"] as? String { types = [single] }
        if let many = schema["type"] as? [Any] { types = many.map { "\($0)" } }
        if !types.isEmpty, !types.contains(where: { matches(value, $0) }) {
            return ["\(path.isEmpty ? "body" : path): expected \(types.joined(separator: "|")), got \(value)"]
        }
        var found: [String] = []
        if let options = schema["enum"] as? [Any] {
            let allowed = options.map { $0 is NSNull ? "null" : "\($0)" }
            let actual: String
            switch value {
            case .null: actual = "null"
            case .string(let text): actual = text
            default: actual = "\(value)"
            }
            if !allowed.contains(actual) { found.append("\(path): \(actual) is not one of \(allowed)") }
        }
        if case .object(let object) = value {
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                found.append("\(path).\(name): required but missing")
            }
            for (name, property) in schema["properties"] as? [String: Any] ?? [:] {
                if let child = object[name], let property = property as? [String: Any] {
                    found += problems(child, property, at: "\(path).\(name)")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] as? [String: Any] {
            for (index, item) in items.enumerated() { found += problems(item, itemSchema, at: "\(path)[\(index)]") }
        }
        return found
    }

    private func matches(_ value: JSONValue, _ type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("string", .string), ("boolean", .bool), ("object", .object), ("array", .array),
            ("number", .number): true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }
}
