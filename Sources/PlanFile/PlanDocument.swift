public import Foundation
import Cryptography
import Domain
public import Plan

/// The saved-plan file format, and the JSON that `plan --format json` prints.
///
/// The versioned JSON form of a plan (keys are the Swift property names, such as
/// `includeBYOKInLimit`; snake-case conversion would not round-trip acronyms): what `plan --format json` prints and `plan --out FILE`
/// saves, and what `apply FILE` reads back. It holds no secret.
public struct PlanDocument: Codable, Hashable, Sendable {
    public var formatVersion: Int
    /// A short digest of the plan, recorded in the apply commit's `Keyplane-Plan` trailer.
    public var fingerprint: String
    public var summary: Plan.Summary
    public var plan: Plan

    public init(plan: Plan) throws {
        formatVersion = Plan.formatVersion
        fingerprint = try Self.fingerprint(of: plan)
        summary = plan.summary
        self.plan = plan
    }

    /// First 16 hex digits of the SHA-256 of the plan's canonical JSON, in a form that stays cheap
    /// at thousands of keys: each unchanged key is reduced to its address (its values are display
    /// only, and follow from the bound inputs), and the per-key remote digests are folded into one.
    /// Everything apply acts on, and everything a reviewer reads as a change, is covered in full.
    public static func fingerprint(of plan: Plan) throws -> String {
        let bytes = try encoder(pretty: false).encode(FingerprintContent(plan))
        return String(Hex.encode(try Digest.sha256(Array(bytes))).prefix(16))
    }

    /// What the fingerprint digests.
    private struct FingerprintContent: Encodable {
        /// The plan with its no-op changes taken out and without its remote digests.
        var plan: Plan
        /// SHA-256 of the addresses of the no-op changes, one per line in plan order.
        var unchanged: String
        /// SHA-256 of the remote digests, sorted by hash; nil when the plan did not refresh.
        var remoteKeys: String?

        init(_ plan: Plan) throws {
            var reduced = plan
            var acted: [PlanChange] = []
            var unchangedLines: [UInt8] = []
            unchangedLines.reserveCapacity(plan.changes.count * 32)
            for index in plan.changes.indices {
                if plan.changes[index].action == .noop {
                    unchangedLines.append(contentsOf: plan.changes[index].id.description.utf8)
                    unchangedLines.append(0x0A)
                } else {
                    acted.append(plan.changes[index])
                }
            }
            reduced.changes = acted
            reduced.binding.remoteKeys = nil
            self.plan = reduced
            unchanged = Hex.encode(try Digest.sha256(unchangedLines))
            remoteKeys = try plan.binding.remoteKeys.map(Self.fold)
        }

        static func fold(_ digests: [String: String]) throws -> String {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(digests.count * 96)
            for (hash, digest) in digests.sorted(by: { $0.key < $1.key }) {
                bytes.append(contentsOf: hash.utf8)
                bytes.append(0x3D)
                bytes.append(contentsOf: digest.utf8)
                bytes.append(0x0A)
            }
            return Hex.encode(try Digest.sha256(bytes))
        }
    }

    /// The document as JSON text, keys sorted, one field per line.
    public func encoded() throws -> Data {
        var data = try Self.encoder(pretty: true).encode(self)
        data.append(0x0a)
        return data
    }

    /// Errors reading a saved plan.
    public enum ReadError: Error, Equatable, CustomStringConvertible {
        case notAPlan(String)
        case unsupportedVersion(Int)
        case fingerprintMismatch

        public var description: String {
            switch self {
            case .notAPlan(let detail): "this is not a keyplane plan file (\(detail))"
            case .unsupportedVersion(let version):
                "this plan file has format version \(version); this keyplane reads version \(Plan.formatVersion): make a new plan with this version"
            case .fingerprintMismatch: "this plan file was edited after it was saved (its fingerprint does not match): make a new plan"
            }
        }
    }

    /// Reads a saved plan, checking its version and that it was not edited.
    public static func decode(_ data: Data) throws(ReadError) -> PlanDocument {
        struct Version: Decodable { var formatVersion: Int }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let version: Version
        do { version = try decoder.decode(Version.self, from: data) } catch { throw .notAPlan("no format_version") }
        guard version.formatVersion == Plan.formatVersion else { throw .unsupportedVersion(version.formatVersion) }
        let document: PlanDocument
        do { document = try decoder.decode(PlanDocument.self, from: data) } catch { throw .notAPlan("\(error)") }
        guard (try? fingerprint(of: document.plan)) == document.fingerprint else { throw .fingerprintMismatch }
        return document
    }

    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
