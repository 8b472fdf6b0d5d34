public import Foundation

/// One file of the generated site: its path relative to the output folder and its bytes.
public struct SiteFile: Equatable, Sendable {
    /// Relative to the site's root, with `/` separators: `clients/acme.html`.
    public var path: String
    public var contents: Data

    public init(path: String, contents: Data) {
        self.path = path
        self.contents = contents
    }

    /// The contents as UTF-8 text.
    public var text: String { String(decoding: contents, as: UTF8.self) }
}
