public import Hummingbird
import Foundation
import OpenRouterAPI

/// An API failure answered with OpenRouter's error envelope.
public struct SimulatorError: Error, HTTPResponseError, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var message: String
    public var headers: HTTPFields

    public init(_ status: HTTPResponse.Status, _ message: String, headers: HTTPFields = [:]) {
        self.status = status
        self.message = message
        self.headers = headers
    }

    public static func badRequest(_ detail: String) -> SimulatorError {
        SimulatorError(.badRequest, "Invalid request parameters: \(detail)")
    }
    static let missingAuth = SimulatorError(.unauthorized, "Missing Authentication header")
    static let unknownUser = SimulatorError(.unauthorized, "User not found.")
    static let forbidden = SimulatorError(.forbidden, "Only management keys can perform this operation")
    static let notFound = SimulatorError(.notFound, "Resource not found")

    public var description: String { "\(status.code) \(message)" }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = ErrorEnvelope(code: status.code, message: message, metadata: nil, userID: nil)
        var response = try SimulatorResponses.json(body, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}

extension SimulatorError {
    /// `DELETE /workspaces/{id}` of the default workspace.
    static let defaultWorkspaceNotDeletable = SimulatorError(.forbidden, "The default workspace cannot be deleted")
    /// A budget write on the `.standard` edition.
    static let budgetsNeedEnterprise = SimulatorError(
        .forbidden, "Workspace budgets are only available on the Enterprise plan. Contact sales to upgrade.")
    /// Inference with a management key.
    static let managementKeyInference = SimulatorError(
        .forbidden, "Management keys cannot be used for inference; use a regular API key")
}
