internal import CGit2

/// A git object id (SHA-1), held as its 40-character lowercase hex form.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible, Comparable {
    /// The full 40-character hex form.
    public let hex: String

    /// Parses a full hex object id; returns nil for anything else.
    public init?(hex: String) {
        guard hex.utf8.count == 40, hex.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) })
        else { return nil }
        self.hex = hex
    }

    init(_ oid: git_oid) {
        var copy = oid
        var buffer = [CChar](repeating: 0, count: 41)
        git_oid_tostr(&buffer, buffer.count, &copy)
        hex = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// The id, or nil for libgit2's all-zero id, which stands for "no such reference".
    init?(nonZero oid: git_oid) {
        var copy = oid
        guard git_oid_is_zero(&copy) == 0 else { return nil }
        self.init(oid)
    }

    var oid: git_oid {
        var result = git_oid()
        _ = git_oid_fromstr(&result, hex)
        return result
    }

    /// The first seven characters, as `git log --oneline` shows them.
    public var short: String { String(hex.prefix(7)) }
    public var description: String { hex }
    public static func < (lhs: ObjectID, rhs: ObjectID) -> Bool { lhs.hex < rhs.hex }
}
