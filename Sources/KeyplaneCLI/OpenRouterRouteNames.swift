import OpenRouterAPI

/// The route names the simulator's fault options accept, such as `POST /keys`.
enum OpenRouterRouteNames {
    static let all = APIRoute.allCases.map(\.rawValue)
}
