import Foundation
import Hummingbird
import Domain
import OpenRouterAPI

/// `/api/v1/workspaces*`: workspaces and their budgets, as OpenRouter's platform document
/// describes them. `{id}` is a workspace's UUID or its slug. The routes check the JSON's shape;
/// `SimulatorState+Workspaces.swift` keeps the rules.
extension OpenRouterSimulator {
    /// Fields of the workspace documents that the simulator does not model; a request that sets
    /// one is refused rather than answered as if it had been stored.
    static let unmodelledWorkspaceFields: Set<String> = [
        "default_text_model", "default_image_model", "default_provider_sort", "io_logging_api_key_ids",
        "io_logging_sampling_rate", "is_data_discount_logging_enabled", "is_observability_broadcast_enabled",
        "is_observability_io_logging_enabled",
    ]

    func addWorkspaceRoutes(to router: Router<SimulatorRequestContext>) {
        let state = state
        let edition = configuration.edition
        let api = router.group(RouterPath(Self.apiPrefix))

        api.get("workspaces") { request, _ in
            try await Self.requireManagement(request, state)
            let query = request.uri.queryParameters
            let offset = try Self.integerParameter(query["offset"].map(String.init), "offset", default: 0, in: 0...Int.max)
            let limit = try Self.integerParameter(
                query["limit"].map(String.init), "limit", default: 50, in: 1...WorkspaceListResponse.maximumPageSize)
            return try SimulatorResponses.json(await state.listWorkspaces(offset: offset, limit: limit))
        }

        api.post("workspaces") { request, _ in
            try await Self.requireManagement(request, state)
            let create = try Self.validateCreateWorkspace(try await Self.jsonObject(request))
            return try SimulatorResponses.json(WorkspaceResponse(data: try await state.createWorkspace(create)), status: .created)
        }

        api.get("workspaces/:id") { request, context in
            try await Self.requireManagement(request, state)
            return try SimulatorResponses.json(WorkspaceResponse(data: try await state.getWorkspace(Self.workspaceReference(context))))
        }

        api.patch("workspaces/:id") { request, context in
            try await Self.requireManagement(request, state)
            let reference = try Self.workspaceReference(context)
            let update = try Self.validateUpdateWorkspace(try await Self.jsonObject(request))
            return try SimulatorResponses.json(WorkspaceResponse(data: try await state.updateWorkspace(reference, update)))
        }

        api.delete("workspaces/:id") { request, context in
            try await Self.requireManagement(request, state)
            try await state.deleteWorkspace(Self.workspaceReference(context))
            return try SimulatorResponses.json(DeleteKeyResponse())
        }

        api.get("workspaces/:id/budgets") { request, context in
            try await Self.requireManagement(request, state)
            return try SimulatorResponses.json(try await state.budgets(Self.workspaceReference(context)))
        }

        api.get("workspaces/:id/budgets/:interval") { request, context in
            try await Self.requireManagement(request, state)
            let interval = try Self.budgetInterval(context)
            return try SimulatorResponses.json(try await state.budget(Self.workspaceReference(context), interval))
        }

        api.put("workspaces/:id/budgets/:interval") { request, context in
            try await Self.requireManagement(request, state)
            guard edition == .enterprise else { throw SimulatorError.budgetsNeedEnterprise }
            let interval = try Self.budgetInterval(context)
            let upsert = try Self.validateUpsertBudget(try await Self.jsonObject(request))
            return try SimulatorResponses.json(try await state.upsertBudget(Self.workspaceReference(context), interval, upsert))
        }

        api.delete("workspaces/:id/budgets/:interval") { request, context in
            try await Self.requireManagement(request, state)
            guard edition == .enterprise else { throw SimulatorError.budgetsNeedEnterprise }
            let interval = try Self.budgetInterval(context)
            try await state.deleteBudget(Self.workspaceReference(context), interval)
            return try SimulatorResponses.json(DeleteKeyResponse())
        }
    }

    // MARK: Request checks

    static func workspaceReference(_ context: SimulatorRequestContext) throws -> String {
        guard let text = context.parameters.get("id"), !text.isEmpty else { throw SimulatorError.notFound }
        return text
    }

    static func budgetInterval(_ context: SimulatorRequestContext) throws -> WorkspaceBudgetInterval {
        let text = context.parameters.get("interval") ?? ""
        guard let interval = WorkspaceBudgetInterval(rawValue: text) else {
            throw SimulatorError.badRequest("interval must be daily, weekly, monthly or lifetime, not \"\(text)\"")
        }
        return interval
    }

    /// A whole-number query parameter within `range`; absent, empty or `null` gives `fallback`.
    static func integerParameter(_ text: String?, _ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text, !text.isEmpty, text != "null" else { return fallback }
        guard let value = Int(text), range.contains(value) else {
            let bound = range.upperBound == Int.max ? "\(range.lowerBound) or more" : "from \(range.lowerBound) to \(range.upperBound)"
            throw SimulatorError.badRequest("\(name) must be a whole number \(bound)")
        }
        return value
    }

    /// 400 for a field the workspace routes do not take: the BYOK setting (a budget route's),
    /// a dashboard setting the simulator does not model, or a field of no workspace document.
    static func refuseOtherWorkspaceFields(_ body: [String: JSONValue], allowed: Set<String>) throws {
        for name in body.keys.sorted() where !allowed.contains(name) {
            if name == "include_byok_in_budgets" {
                throw SimulatorError.badRequest(
                    "include_byok_in_budgets is set with PUT /workspaces/{id}/budgets/{interval}, not on the workspace")
            }
            if unmodelledWorkspaceFields.contains(name) {
                throw SimulatorError.badRequest("\(name) is not modelled by the simulator; leave it out")
            }
            throw SimulatorError.badRequest("unknown field \(name)")
        }
    }

    static func validateCreateWorkspace(_ body: [String: JSONValue]) throws -> CreateWorkspaceRequest {
        try refuseOtherWorkspaceFields(body, allowed: ["name", "slug", "description"])
        guard case .string(let name)? = body["name"] else { throw SimulatorError.badRequest("name is required and must be a string") }
        guard case .string(let slug)? = body["slug"] else { throw SimulatorError.badRequest("slug is required and must be a string") }
        return CreateWorkspaceRequest(name: name, slug: slug, description: try description(body["description"]) ?? nil)
    }

    static func validateUpdateWorkspace(_ body: [String: JSONValue]) throws -> UpdateWorkspaceRequest {
        try refuseOtherWorkspaceFields(body, allowed: UpdateWorkspaceRequest.fields)
        var update = UpdateWorkspaceRequest()
        switch body["name"] {
        case nil: break
        case .string(let name)?: update.name = name
        default: throw SimulatorError.badRequest("name must be a string")
        }
        switch body["slug"] {
        case nil: break
        case .string(let slug)?: update.slug = slug
        default: throw SimulatorError.badRequest("slug must be a string")
        }
        if let description = try description(body["description"]) { update.description = description.map(FieldUpdate.set) ?? .clear }
        return update
    }

    /// nil when absent, `.some(nil)` for `null`, else the text.
    private static func description(_ value: JSONValue?) throws -> String?? {
        switch value {
        case nil: return nil
        case .null?: return .some(nil)
        case .string(let text)?: return .some(text)
        default: throw SimulatorError.badRequest("description must be a string or null")
        }
    }

    static func validateUpsertBudget(_ body: [String: JSONValue]) throws -> UpsertWorkspaceBudgetRequest {
        if let unknown = body.keys.sorted().first(where: { $0 != "limit_usd" && $0 != "include_byok_in_budgets" }) {
            throw SimulatorError.badRequest("unknown field \(unknown)")
        }
        guard case .number(let dollars)? = body["limit_usd"], dollars.isFinite else {
            throw SimulatorError.badRequest("limit_usd is required and must be a number greater than 0")
        }
        guard USD.isRepresentable(dollars) else {
            throw SimulatorError.badRequest("limit_usd must be at most \(USD.max.formatted(minimumDecimals: 0)), not \(dollars)")
        }
        var request = UpsertWorkspaceBudgetRequest(limitUSD: USD(dollars))
        switch body["include_byok_in_budgets"] {
        case nil: break
        case .bool(let value)?: request.includeBYOKInBudgets = value
        default: throw SimulatorError.badRequest("include_byok_in_budgets must be a boolean")
        }
        return request
    }
}
