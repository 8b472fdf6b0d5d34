public import Hummingbird
public import NIOCore

/// The request context of the simulator. Beyond the basics it keeps the connection's channel,
/// so a "commit, then drop" fault can close the connection before any response byte is sent.
public struct SimulatorRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The connection the request arrived on.
    public let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}
