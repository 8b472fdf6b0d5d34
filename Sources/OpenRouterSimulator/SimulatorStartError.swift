/// The simulator's server ended before it was listening.
public struct SimulatorStartError: Error, CustomStringConvertible {
    public var host: String
    public var port: Int

    public var description: String { "the simulator could not listen on \(host):\(port)" }
}
