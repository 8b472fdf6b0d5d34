/// keyplane's version, recorded in commit trailers, saved plans and the state.
public enum KeyplaneVersion {
    public static let current = "0.1.0"
}
