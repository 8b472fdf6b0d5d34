internal import CYAML

/// Reads YAML text into nodes with libyaml's event parser. libyaml does the scanning and parsing;
/// this file only turns its events into a `YAMLTree`, resolves aliases and rejects keys repeated
/// in a mapping. It is the only place that touches libyaml.
public enum YAMLComposer {
    /// The single document in `text`, or nil when the text holds no document (it is empty or
    /// only comments).
    public static func compose(_ text: String) throws(YAMLError) -> YAMLNode? {
        var text = text
        text.makeContiguousUTF8()
        let composed: Result<YAMLNode?, YAMLError> = text.utf8.withContiguousStorageIfAvailable { bytes in
            var composition = Composition()
            do throws(YAMLError) {
                return .success(try composition.run(bytes))
            } catch {
                return .failure(error)
            }
        } ?? .failure(YAMLError(kind: .unreadable, problem: "the text is not contiguous UTF-8", mark: YAMLMark(line: 1, column: 1), context: nil))
        return try composed.get()
    }
}

/// One pass over libyaml's events, building the flat tree as containers close.
private struct Composition {
    var records: [YAMLTree.Record] = []
    var texts: [String] = []
    var children: [Int32] = []
    /// The finished children of the containers still open, innermost last.
    var pending: [Int32] = []
    /// The open containers: their record, where their children start in `pending`, their anchor.
    var open: [(record: Int32, firstChild: Int, anchor: String?)] = []
    var anchors: [String: Int32] = [:]
    var root: Int32?
    var documents = 0

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) throws(YAMLError) -> YAMLNode? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer {
            parser.deallocate()
            event.deallocate()
        }
        // libyaml keeps a pointer to the parser inside it, so the parser lives at a fixed address.
        guard yaml_parser_initialize(parser) == 1 else {
            throw YAMLError(kind: .syntax, problem: "out of memory", mark: YAMLMark(line: 1, column: 1), context: nil)
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)

        while true {
            guard yaml_parser_parse(parser, event) == 1 else { throw Self.error(of: parser.pointee) }
            defer { yaml_event_delete(event) }
            switch event.pointee.type {
            case YAML_STREAM_END_EVENT:
                guard let root else { return nil }
                return YAMLNode(tree: YAMLTree(records: records, texts: texts, children: children), index: root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 {
                    throw YAMLError(kind: .multipleDocuments, problem: "found a second document; a file holds one document",
                                    mark: Self.mark(event.pointee.start_mark), context: nil)
                }
            case YAML_SCALAR_EVENT:
                let scalar = event.pointee.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                let index = record(.scalar, style: Self.style(scalar.style), at: event.pointee.start_mark, start: texts.count, count: 0)
                texts.append(text)
                register(Self.string(scalar.anchor), index)
                finished(index)
            case YAML_SEQUENCE_START_EVENT:
                let index = record(.sequence, style: .plain, at: event.pointee.start_mark, start: 0, count: 0)
                open.append((index, pending.count, Self.string(event.pointee.data.sequence_start.anchor)))
            case YAML_MAPPING_START_EVENT:
                let index = record(.mapping, style: .plain, at: event.pointee.start_mark, start: 0, count: 0)
                open.append((index, pending.count, Self.string(event.pointee.data.mapping_start.anchor)))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                let container = open.removeLast()
                let contents = pending[container.firstChild...]
                if records[Int(container.record)].kind == .mapping { try checkKeys(contents) }
                records[Int(container.record)].start = Int32(children.count)
                records[Int(container.record)].count = Int32(contents.count)
                children.append(contentsOf: contents)
                pending.removeSubrange(container.firstChild...)
                register(container.anchor, container.record)
                finished(container.record)
            case YAML_ALIAS_EVENT:
                let name = Self.string(event.pointee.data.alias.anchor) ?? ""
                guard let index = anchors[name] else {
                    throw YAMLError(kind: .syntax, problem: "found undefined alias '\(name)'",
                                    mark: Self.mark(event.pointee.start_mark), context: nil)
                }
                finished(index)
            default:
                continue  // stream start, document end
            }
        }
    }

    private mutating func record(_ kind: YAMLNode.Kind, style: YAMLScalarStyle, at mark: yaml_mark_t, start: Int, count: Int) -> Int32 {
        records.append(YAMLTree.Record(kind: kind, style: style, line: Int32(clamping: mark.line + 1),
                                       column: Int32(clamping: mark.column + 1), start: Int32(start), count: Int32(count)))
        return Int32(records.count - 1)
    }

    private mutating func finished(_ index: Int32) {
        if open.isEmpty { root = index } else { pending.append(index) }
    }

    private mutating func register(_ anchor: String?, _ index: Int32) {
        if let anchor { anchors[anchor] = index }
    }

    /// Rejects a mapping that repeats a scalar key, naming the first repeated key where it first appears.
    private func checkKeys(_ contents: ArraySlice<Int32>) throws(YAMLError) {
        let keys = stride(from: contents.startIndex, to: contents.endIndex, by: 2).compactMap { position -> (String, Int32)? in
            let record = records[Int(contents[position])]
            return record.kind == .scalar ? (texts[Int(record.start)], contents[position]) : nil
        }
        var seen: [String: Int32] = [:]
        var repeated: Int32?
        if keys.count <= 16 {
            outer: for (position, key) in keys.enumerated() {
                for earlier in keys[..<position] where earlier.0 == key.0 {
                    repeated = earlier.1
                    break outer
                }
            }
        } else {
            seen.reserveCapacity(keys.count)
            for key in keys {
                if let first = seen[key.0] {
                    repeated = first
                    break
                }
                seen[key.0] = key.1
            }
        }
        guard let repeated else { return }
        let record = records[Int(repeated)]
        throw YAMLError(kind: .duplicateKey, problem: texts[Int(record.start)],
                        mark: YAMLMark(line: Int(record.line), column: Int(record.column)), context: nil)
    }

    static func mark(_ mark: yaml_mark_t) -> YAMLMark {
        YAMLMark(line: mark.line + 1, column: mark.column + 1)
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    static func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// libyaml's own report of why it stopped.
    static func error(of parser: yaml_parser_t) -> YAMLError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_READER_ERROR:
            return YAMLError(kind: .unreadable, problem: problem, mark: YAMLMark(line: 1, column: 1), context: nil)
        case YAML_MEMORY_ERROR:
            return YAMLError(kind: .syntax, problem: "out of memory", mark: YAMLMark(line: 1, column: 1), context: nil)
        default:
            let context = parser.context.map { (text: String(cString: $0), mark: mark(parser.context_mark)) }
            return YAMLError(kind: .syntax, problem: problem, mark: mark(parser.problem_mark), context: context)
        }
    }
}
