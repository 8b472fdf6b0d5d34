public import Domain
public import Foundation
import Status

/// One thing a commit changed about a key, read from the state files before and after it.
public enum KeyChange: Equatable, Sendable, CustomStringConvertible {
    /// The key appeared in the state: created by keyplane.
    case created(limit: USD?, reset: LimitReset?)
    /// The key appeared in the state without a secret: adopted from OpenRouter.
    case adopted(limit: USD?, reset: LimitReset?)
    case limitChanged(from: USD?, to: USD?)
    case resetChanged(from: LimitReset?, to: LimitReset?)
    /// A new key replaced the old one at the same address.
    case rotated(generation: Int)
    case disabled
    case enabled
    case expiryChanged(from: Date?, to: Date?)
    case byokChanged(counted: Bool)
    /// The key left the state: deleted.
    case removed

    public var description: String {
        switch self {
        case let .created(limit, reset): "created with \(Self.limitPhrase(limit, reset))"
        case let .adopted(limit, reset): "adopted from OpenRouter with \(Self.limitPhrase(limit, reset))"
        case let .limitChanged(from, to): "limit changed from \(Self.amount(from)) to \(Self.amount(to))"
        case let .resetChanged(from, to): "limit reset changed from \(from?.rawValue ?? "never") to \(to?.rawValue ?? "never")"
        case let .rotated(generation): "rotated: generation \(generation) replaced generation \(generation - 1)"
        case .disabled: "disabled"
        case .enabled: "enabled"
        case let .expiryChanged(from, to): "expiry changed from \(Self.day(from)) to \(Self.day(to))"
        case let .byokChanged(counted): counted ? "BYOK spend now counts against the limit" : "BYOK spend no longer counts against the limit"
        case .removed: "deleted"
        }
    }

    private static func amount(_ value: USD?) -> String { value?.description ?? "no limit" }

    private static func limitPhrase(_ limit: USD?, _ reset: LimitReset?) -> String {
        guard let limit else { return "no limit" }
        return "a \(limit) \(reset?.rawValue ?? "lifetime") limit"
    }

    private static func day(_ date: Date?) -> String {
        guard let date else { return "never" }
        return StatusFormat.day(date)
    }
}
