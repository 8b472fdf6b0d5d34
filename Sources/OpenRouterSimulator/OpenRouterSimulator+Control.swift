import Foundation
import Hummingbird
import Domain
import OpenRouterAPI

/// The control routes under `/_simulator`: not part of OpenRouter's API, never faulted, and
/// unauthenticated, so the simulator binds to loopback by default.
extension OpenRouterSimulator {
    /// The most one `POST /_simulator/clock` may move the clock, in seconds: 10,000 years.
    static let maximumClockAdvance: TimeInterval = 10_000 * 366 * 86_400

    func addControlRoutes(to router: Router<SimulatorRequestContext>) {
        let state = state
        let faults = faults
        let control = router.group(RouterPath(Self.controlPrefix))

        control.get("state") { _, _ in
            try SimulatorResponses.json(
                ControlStatus(now: APITimestamp(await state.now()), keyCount: await state.keyCount, faults: await faults.settings,
                              counts: await faults.counts))
        }

        control.post("spend") { request, _ in
            let body = try await Self.jsonObject(request)
            guard case .string(let hash)? = body["hash"] else { throw SimulatorError.badRequest("hash is required") }
            guard case .number(let amount)? = body["amount"], USD.isRepresentable(amount) else {
                throw SimulatorError.badRequest("amount (USD) is required, at most \(USD.max.formatted(minimumDecimals: 0)) either way")
            }
            var byok = false
            if case .bool(let value)? = body["byok"] { byok = value }
            let key = try await state.recordSpend(on: KeyHash(hash), amount: USD(amount), byok: byok)
            return try SimulatorResponses.json(KeyResponse(data: key))
        }

        control.post("clock") { request, _ in
            let body = try await Self.jsonObject(request)
            // Within 10,000 years either way, so that the clock stays a date the API can write.
            guard case .number(let seconds)? = body["advance_seconds"], seconds.magnitude <= Self.maximumClockAdvance else {
                throw SimulatorError.badRequest("advance_seconds is required, a number of seconds within 10,000 years")
            }
            let now = try await state.advanceClock(by: seconds)
            return try SimulatorResponses.json(["now": APITimestamp(now).text])
        }

        control.get("faults") { _, _ in try SimulatorResponses.json(await faults.settings) }

        control.put("faults") { request, _ in
            var request = request
            let buffer = try await request.collectBody(upTo: 1 << 20)
            let settings: FaultSettings
            do { settings = try JSONDecoder().decode(FaultSettings.self, from: Data(buffer.readableBytesView)) } catch {
                throw SimulatorError.badRequest("not a fault settings object: \(error)")
            }
            if let unknown = settings.routes?.first(where: { APIRoute(rawValue: $0) == nil }) {
                throw SimulatorError.badRequest(
                    "unknown route \(unknown); use one of: \(APIRoute.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            await faults.replace(with: settings)
            return try SimulatorResponses.json(settings)
        }

        control.post("reset") { _, _ in
            try await state.reset()
            await faults.replace(with: FaultSettings())
            await faults.resetCounts()
            return try SimulatorResponses.json(["reset": true])
        }
    }
}
