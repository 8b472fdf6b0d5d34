import Foundation
public import OpenRouterAPI

// Workspaces and their budgets. Reads, PATCH, PUT and DELETE are retried like the key routes
// (repeating them sets the same values again); POST /workspaces is never sent twice blindly.
extension OpenRouterClient {
    /// One page of `GET /workspaces`: up to 100 from `offset`, with the total count.
    public func workspacePage(offset: Int) async throws -> WorkspaceListResponse {
        let reply = try await send(
            .listWorkspaces, method: .GET, path: "/workspaces",
            query: [("offset", String(offset)), ("limit", String(WorkspaceListResponse.maximumPageSize))])
        return try decode(WorkspaceListResponse.self, reply, .listWorkspaces)
    }

    /// Every workspace, the default one included. After the first page, the pages its
    /// `total_count` announces are fetched `pageConcurrency` at a time (within the global
    /// limit); while the last page is full, the next is fetched too, in case workspaces were
    /// created meanwhile. A workspace on two pages is listed once.
    public func listWorkspaces() async throws -> [APIWorkspace] {
        let pageSize = WorkspaceListResponse.maximumPageSize
        let first = try await workspacePage(offset: 0)
        var pages: [[APIWorkspace]] = [first.data]
        let announced = first.data.count < pageSize ? 1 : max(1, (first.totalCount + pageSize - 1) / pageSize)
        if announced > 1 {
            var fetched: [Int: [APIWorkspace]] = [:]
            try await withThrowingTaskGroup(of: (Int, [APIWorkspace]).self) { group in
                var next = 1
                func startPage() {
                    let index = next
                    next += 1
                    group.addTask { (index, try await self.workspacePage(offset: index * pageSize).data) }
                }
                for _ in 0..<min(pageConcurrency, announced - 1) { startPage() }
                while let (index, page) = try await group.next() {
                    fetched[index] = page
                    if next < announced { startPage() }
                }
            }
            pages += (1..<announced).map { fetched[$0] ?? [] }
        }
        while let last = pages.last, last.count == pageSize {
            pages.append(try await workspacePage(offset: pages.count * pageSize).data)
        }
        var seen = Set<String>()
        return pages.joined().filter { seen.insert($0.id).inserted }
    }

    /// Every key of every workspace (listed first unless `workspaces` is given), concurrently:
    /// up to `maxConcurrentRequests` workspaces at a time, each one's pages one after another
    /// (the workspaces keep the connections busy, so fetching pages ahead would only add
    /// requests for empty pages), all under the one in-flight limit. Keys come in the order of the workspaces, each
    /// workspace's in the API's order. A workspace deleted meanwhile contributes no keys.
    public func listKeysInEveryWorkspace(includeDisabled: Bool = true, workspaces: [APIWorkspace]? = nil) async throws -> [APIKey] {
        let all: [APIWorkspace]
        if let workspaces { all = workspaces } else { all = try await listWorkspaces() }
        var lists: [Int: [APIKey]] = [:]
        try await withThrowingTaskGroup(of: (Int, [APIKey]).self) { group in
            var next = 0
            func startWorkspace() {
                let index = next
                next += 1
                let id = all[index].id
                group.addTask {
                    do {
                        return (index, try await self.listKeys(
                            includeDisabled: includeDisabled, workspaceID: id, firstPage: nil, pagesInFlight: 1))
                    } catch OpenRouterClientError.workspaceNotFound {
                        return (index, [])
                    }
                }
            }
            for _ in 0..<min(maxConcurrentRequests, all.count) { startWorkspace() }
            while let (index, keys) = try await group.next() {
                lists[index] = keys
                if next < all.count { startWorkspace() }
            }
        }
        var seen = Set<KeyHash>()
        return all.indices.flatMap { lists[$0] ?? [] }.filter { seen.insert($0.hash).inserted }
    }

    /// `GET /workspaces/{id}`, by UUID or slug.
    public func getWorkspace(_ idOrSlug: String) async throws -> APIWorkspace {
        let reply = try await send(
            .getWorkspace, method: .GET, path: "/workspaces/\(Self.escaped(idOrSlug))", resource: .workspace(idOrSlug))
        return try decode(WorkspaceResponse.self, reply, .getWorkspace).data
    }

    /// `POST /workspaces`, never repeated blindly. When an attempt goes unanswered (the
    /// connection dropped, a timeout, a `5xx`), the workspace is looked up by its slug, which is
    /// unique: found, it is the answer; not found, the create did not happen, and it is sent
    /// again, up to the retry policy's attempts. A `429`, or a connection that never opened, is
    /// retried as usual. (A workspace that already had the slug is refused with 400 when the
    /// answer arrives; when it was lost, the lookup returns that workspace.)
    public func createWorkspace(_ request: CreateWorkspaceRequest) async throws -> APIWorkspace {
        let body = try JSONEncoder().encode(request)
        var reason = "no attempt was made"
        for attempt in 1...retryPolicy.maxAttempts {
            do {
                let reply = try await send(.createWorkspace, method: .POST, path: "/workspaces", body: body, repeatIfUnknown: false)
                return try decode(WorkspaceResponse.self, reply, .createWorkspace).data
            } catch let unknown as UnknownOutcome {
                reason = unknown.reason
            }
            do {
                return try await getWorkspace(request.slug)
            } catch OpenRouterClientError.workspaceNotFound {
                if attempt < retryPolicy.maxAttempts { try await Task.sleep(for: retryPolicy.delay(after: attempt, serverHint: nil)) }
            }
        }
        throw OpenRouterClientError.workspaceCreateUnknown(slug: request.slug, reason: reason)
    }

    /// `PATCH /workspaces/{id}`. Repeating it sets the same values again, so it is retried.
    public func updateWorkspace(_ id: String, _ update: UpdateWorkspaceRequest) async throws -> APIWorkspace {
        let body = try JSONEncoder().encode(update)
        let reply = try await send(
            .updateWorkspace, method: .PATCH, path: "/workspaces/\(Self.escaped(id))", body: body, resource: .workspace(id))
        return try decode(WorkspaceResponse.self, reply, .updateWorkspace).data
    }

    /// `DELETE /workspaces/{id}`. Retried; a `404` after an attempt with an unknown outcome means
    /// that attempt deleted it. OpenRouter refuses a workspace that still has keys (400,
    /// `.badRequest`) and, for most accounts, the default workspace (403).
    public func deleteWorkspace(_ id: String) async throws {
        let reply = try await send(
            .deleteWorkspace, method: .DELETE, path: "/workspaces/\(Self.escaped(id))", resource: .workspace(id),
            notFoundAfterUnknownIsSuccess: true)
        if reply.status == 200, !reply.body.isEmpty { _ = try decode(DeleteKeyResponse.self, reply, .deleteWorkspace) }
    }

    /// `GET /workspaces/{id}/budgets`: every budget and the workspace-wide BYOK setting.
    public func listBudgets(workspace id: String) async throws -> WorkspaceBudgetList {
        let reply = try await send(
            .listWorkspaceBudgets, method: .GET, path: "/workspaces/\(Self.escaped(id))/budgets", resource: .workspace(id))
        return try decode(WorkspaceBudgetList.self, reply, .listWorkspaceBudgets)
    }

    /// `PUT /workspaces/{id}/budgets/{interval}`: creates or replaces that interval's budget.
    /// Retried like any PUT. `403` is `.budgetsNotAvailable` (no Enterprise plan), never retried;
    /// a limit that breaks lifetime > monthly > weekly > daily is `.badRequest`.
    public func upsertBudget(
        workspace id: String, interval: WorkspaceBudgetInterval, _ request: UpsertWorkspaceBudgetRequest
    ) async throws -> APIWorkspaceBudget {
        let body = try JSONEncoder().encode(request)
        let reply = try await send(
            .upsertWorkspaceBudget, method: .PUT, path: "/workspaces/\(Self.escaped(id))/budgets/\(interval.rawValue)", body: body,
            resource: .workspace(id))
        return try decode(WorkspaceBudgetResponse.self, reply, .upsertWorkspaceBudget).data
    }

    /// `DELETE /workspaces/{id}/budgets/{interval}`; deleting a budget that does not exist
    /// succeeds too. `403` is `.budgetsNotAvailable`; `404` means the workspace is gone.
    public func deleteBudget(workspace id: String, interval: WorkspaceBudgetInterval) async throws {
        let reply = try await send(
            .deleteWorkspaceBudget, method: .DELETE, path: "/workspaces/\(Self.escaped(id))/budgets/\(interval.rawValue)",
            resource: .workspace(id))
        if reply.status == 200, !reply.body.isEmpty { _ = try decode(DeleteKeyResponse.self, reply, .deleteWorkspaceBudget) }
    }
}
