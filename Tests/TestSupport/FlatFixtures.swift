public import Domain
public import Foundation
public import StateModel

// Fixtures write a key's settings flat, as a manifest does; these build the values from them.

extension StateEntry {
    /// An entry with its settings given one by one.
    public init(address: KeyAddress, hash: String, name: String, limit: USD? = nil, limitReset: LimitReset? = nil,
                includeBYOKInLimit: Bool = false, disabled: Bool = false, expiresAt: Date? = nil, createdAt: Date,
                rotatedAt: Date? = nil, generation: Int = 1, preview: String = "…", predecessor: RotationPredecessor? = nil,
                protect: Bool = false, labels: [String: String] = [:]) {
        self.init(address: address, hash: hash,
                  values: KeyValues(name: name, limit: limit, limitReset: limitReset, includeBYOKInLimit: includeBYOKInLimit,
                                    disabled: disabled, expiresAt: expiresAt),
                  createdAt: createdAt, rotatedAt: rotatedAt, generation: generation, preview: preview,
                  predecessor: predecessor, protect: protect, labels: labels)
    }
}

extension LiveKey {
    /// A live key with its settings given one by one.
    public init(hash: String, name: String, label: String, disabled: Bool = false, limit: USD? = nil,
                limitRemaining: USD? = nil, limitReset: LimitReset? = nil, includeBYOKInLimit: Bool = false,
                usage: KeyUsage = KeyUsage(), createdAt: Date, updatedAt: Date? = nil, expiresAt: Date? = nil) {
        self.init(hash: hash,
                  values: KeyValues(name: name, limit: limit, limitReset: limitReset, includeBYOKInLimit: includeBYOKInLimit,
                                    disabled: disabled, expiresAt: expiresAt),
                  label: label, limitRemaining: limitRemaining, usage: usage, createdAt: createdAt, updatedAt: updatedAt)
    }
}
