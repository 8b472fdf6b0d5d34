/// The `--data` file could not be read or written.
public struct SimulatorDataFileError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public var description: String { "simulator data file \(path): \(reason)" }
}
