import Foundation
import HTTPTypes
import Hummingbird
import Logging
import OpenRouterAPI

/// Applies the configured faults to `/api/v1` requests: a hold, latency, `429`, `500`/`503` before
/// the handler runs, and "commit, then drop" after it succeeded.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = SimulatorRequestContext

    let injector: FaultInjector
    let apiPrefix: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path.hasPrefix(apiPrefix),
            let route = APIRoute(method: request.method.rawValue, path: String(path.dropFirst(apiPrefix.count)))
        else { return try await next(request, context) }
        injector.inFlight.enter()
        defer { injector.inFlight.leave() }

        await injector.waitWhileHeld()
        let latency = await injector.latency
        if latency > .zero { try await Task.sleep(for: latency) }

        switch await injector.decide(for: route) {
        case .proceed:
            break
        case .rateLimited(let retryAfter, let limit, let reset):
            var headers: HTTPFields = [:]
            headers[.retryAfter] = String(retryAfter)
            headers[HTTPField.Name("X-RateLimit-Limit")!] = String(limit)
            headers[HTTPField.Name("X-RateLimit-Remaining")!] = "0"
            headers[HTTPField.Name("X-RateLimit-Reset")!] = String(reset)
            throw SimulatorError(.tooManyRequests, "Rate limit exceeded", headers: headers)
        case .serverError(let status, let retryAfter):
            var headers: HTTPFields = [:]
            if let retryAfter { headers[.retryAfter] = String(retryAfter) }
            throw status == 503
                ? SimulatorError(.serviceUnavailable, "Service Unavailable", headers: headers)
                : SimulatorError(.internalServerError, "Internal Server Error", headers: headers)
        }

        let response = try await next(request, context)
        if (200..<300).contains(response.status.code), await injector.shouldDropResponse(for: route) {
            context.logger.notice("fault: committed \(route) and closed the connection without a response")
            // Closing the channel before the response is written sends FIN with no HTTP bytes:
            // the client cannot tell whether the change happened.
            try? await context.channel.close()
            throw CancellationError()
        }
        return response
    }
}
