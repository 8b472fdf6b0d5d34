/// The `200` body of the simulator's `POST /chat/completions`: the smallest OpenAI-style answer,
/// one assistant message, with the cost OpenRouter reports in `usage.cost`.
struct ChatCompletionResponse: Encodable {
    struct Choice: Encodable {
        struct Message: Encodable {
            var role = "assistant"
            var content: String
        }

        var index = 0
        var message: Message
        var finishReason = "stop"

        enum CodingKeys: String, CodingKey {
            case index, message
            case finishReason = "finish_reason"
        }
    }

    struct Usage: Encodable {
        var promptTokens: Int
        var completionTokens: Int
        var totalTokens: Int { promptTokens + completionTokens }
        /// US dollars charged for the request.
        var cost: Double

        enum CodingKeys: String, CodingKey {
            case promptTokens = "prompt_tokens"
            case completionTokens = "completion_tokens"
            case totalTokens = "total_tokens"
            case cost
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(promptTokens, forKey: .promptTokens)
            try c.encode(completionTokens, forKey: .completionTokens)
            try c.encode(totalTokens, forKey: .totalTokens)
            try c.encode(cost, forKey: .cost)
        }
    }

    var id: String
    var object = "chat.completion"
    /// Seconds since 1970.
    var created: Int64
    var model: String
    var choices: [Choice]
    var usage: Usage
}
