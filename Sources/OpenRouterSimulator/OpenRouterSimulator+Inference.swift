import Foundation
import Hummingbird
import Domain
import OpenRouterAPI

/// `POST /api/v1/chat/completions`: inference reduced to what budgets need. Any model, a fixed
/// cost per call (`SimulatorConfiguration.inferenceCost`), and OpenRouter's refusals for a bad
/// key, a spent key limit and a spent workspace budget (see `SimulatorState.chargeInference`).
extension OpenRouterSimulator {
    func addInferenceRoutes(to router: Router<SimulatorRequestContext>) {
        let state = state
        let api = router.group(RouterPath(Self.apiPrefix))

        api.post("chat/completions") { request, _ in
            let tokenHash = try SimulatorState.tokenHash(authorization: request.headers[.authorization])
            let body = try await Self.jsonObject(request)
            guard case .string(let model)? = body["model"], !model.isEmpty else {
                throw SimulatorError.badRequest("model is required and must be a non-empty string")
            }
            guard case .array(let messages)? = body["messages"], !messages.isEmpty else {
                throw SimulatorError.badRequest("messages is required and must be a non-empty array")
            }
            let key = try await state.chargeInference(tokenHash: tokenHash)
            let now = await state.now()
            let answer = ChatCompletionResponse(
                id: "gen-\(UUID().uuidString.lowercased())", created: Int64(now.timeIntervalSince1970), model: model,
                choices: [.init(message: .init(content: "This is the keyplane simulator; key \(key.label) was charged \(state.inferenceCost)."))],
                usage: .init(promptTokens: messages.count, completionTokens: 1, cost: state.inferenceCost.doubleValue))
            return try SimulatorResponses.json(answer)
        }
    }
}
