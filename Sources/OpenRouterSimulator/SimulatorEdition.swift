/// Which OpenRouter plan the simulator plays. Workspace budgets are an Enterprise feature: on
/// `.standard` every budget write (`PUT` and `DELETE /workspaces/{id}/budgets/{interval}`) is
/// answered `403`, while reading budgets still works and lists none.
public enum SimulatorEdition: String, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    case enterprise
    case standard

    public var description: String { rawValue }
}
