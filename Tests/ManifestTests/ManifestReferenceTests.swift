import Foundation
@testable import Manifest
import TestSupport
import Testing

@Suite("manifest reference")
struct ManifestReferenceTests {
    @Test("every field the decoder accepts is documented in docs-site/manifest-reference.md")
    func everyFieldIsDocumented() throws {
        let reference = try String(
            contentsOf: Golden.folder().appendingPathComponent("../../docs-site/manifest-reference.md"), encoding: .utf8)
        let fields = ManifestSchema.document + ManifestSchema.policy + ManifestSchema.client + ManifestSchema.user
            + ManifestSchema.key + ManifestSchema.rotation + ManifestSchema.workspace + ManifestSchema.budgets
        for field in Set(fields) {
            #expect(reference.contains("`\(field)`"), "\(field) is not documented")
        }
    }
}
