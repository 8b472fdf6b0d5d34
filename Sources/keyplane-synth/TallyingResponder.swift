import Hummingbird
import OpenRouterSimulator

/// Wraps the simulator's router: answers `/_bench/responses` itself and counts the status of every
/// other `/api/v1` answer. A request that ends without an answer (a dropped connection) counts as 0.
struct TallyingResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == SimulatorRequestContext {
    typealias Context = SimulatorRequestContext

    static var tallyPath: String { "/_bench/responses" }

    let inner: Inner
    let tally: ResponseTally

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        if path == Self.tallyPath {
            switch request.method {
            case .get: break
            case .delete: tally.reset()
            default: return Response(status: .methodNotAllowed)
            }
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: tally.json)))
        }
        guard path.hasPrefix(OpenRouterSimulator.apiPrefix) else { return try await inner.respond(to: request, context: context) }
        do {
            let response = try await inner.respond(to: request, context: context)
            tally.record(Int(response.status.code))
            return response
        } catch {
            tally.record(0)
            throw error
        }
    }
}
