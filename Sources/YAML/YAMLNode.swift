/// A position in YAML text: 1-based line and column, the column counted in characters.
public struct YAMLMark: Hashable, Sendable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// How a scalar was written. Only a plain (unquoted) scalar can mean a number, a boolean or null.
public enum YAMLScalarStyle: UInt8, Sendable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// One node of a parsed YAML document: a scalar, a mapping or a sequence, with the position it
/// starts at. Aliases are already resolved to the node their anchor names. Tags are not kept:
/// a scalar is its text and its style, and the reader decides what the text means.
///
/// A node is a reference into its document's storage, cheap to copy.
public struct YAMLNode: Sendable {
    let tree: YAMLTree
    let index: Int32

    public enum Kind: UInt8, Sendable {
        case scalar, mapping, sequence
    }

    private var record: YAMLTree.Record { tree.records[Int(index)] }

    public var kind: Kind { record.kind }

    /// Where the node starts.
    public var mark: YAMLMark {
        let record = record
        return YAMLMark(line: Int(record.line), column: Int(record.column))
    }

    /// A scalar's text, or nil for a mapping or a sequence.
    public var text: String? {
        let record = record
        return record.kind == .scalar ? tree.texts[Int(record.start)] : nil
    }

    /// A scalar's style, or nil for a mapping or a sequence.
    public var style: YAMLScalarStyle? {
        let record = record
        return record.kind == .scalar ? record.style : nil
    }

    /// A mapping's key and value pairs in the order written; empty for anything else.
    public var pairs: Pairs {
        let record = record
        return record.kind == .mapping ? Pairs(tree: tree, start: Int(record.start), count: Int(record.count) / 2) : Pairs(tree: tree, start: 0, count: 0)
    }

    /// A sequence's items in order; empty for anything else.
    public var items: Items {
        let record = record
        return record.kind == .sequence ? Items(tree: tree, start: Int(record.start), count: Int(record.count)) : Items(tree: tree, start: 0, count: 0)
    }

    /// In a mapping, the value of the first key that is a scalar with this text.
    public subscript(key: String) -> YAMLNode? {
        pairs.first { $0.key.text == key }?.value
    }

    public struct Pairs: RandomAccessCollection, Sendable {
        let tree: YAMLTree
        let start: Int
        public let count: Int

        public var startIndex: Int { 0 }
        public var endIndex: Int { count }

        public subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) {
            let at = start + 2 * position
            return (YAMLNode(tree: tree, index: tree.children[at]), YAMLNode(tree: tree, index: tree.children[at + 1]))
        }
    }

    public struct Items: RandomAccessCollection, Sendable {
        let tree: YAMLTree
        let start: Int
        public let count: Int

        public var startIndex: Int { 0 }
        public var endIndex: Int { count }

        public subscript(position: Int) -> YAMLNode {
            YAMLNode(tree: tree, index: tree.children[start + position])
        }
    }
}

/// The nodes of one document, stored flat: a record per node, the scalars' texts, and each
/// container's children as a run of node indexes (a mapping's as key, value, key, value…).
final class YAMLTree: Sendable {
    struct Record: Sendable {
        var kind: YAMLNode.Kind
        var style: YAMLScalarStyle
        var line: Int32
        var column: Int32
        /// A scalar's index in `texts`, or where a container's children start in `children`.
        var start: Int32
        /// How many entries of `children` a container has.
        var count: Int32
    }

    let records: [Record]
    let texts: [String]
    let children: [Int32]

    init(records: [Record], texts: [String], children: [Int32]) {
        self.records = records
        self.texts = texts
        self.children = children
    }
}
