import Testing
import YAML

@Suite struct YAMLComposerTests {
    @Test func composesMappingsSequencesAndScalarsWithTheirPositions() throws {
        let text = """
            # a comment
            clients:
              - id: acme
                name: "Acme, Inc."
                markup: 1.3
            empty: []
            note: |
              two
              lines
            """
        let root = try #require(try YAMLComposer.compose(text))
        #expect(root.kind == .mapping)
        #expect(root.mark == YAMLMark(line: 2, column: 1))
        #expect(root.pairs.map { $0.key.text } == ["clients", "empty", "note"])

        let clients = try #require(root["clients"])
        #expect(clients.kind == .sequence)
        #expect(clients.items.count == 1)
        let acme = clients.items[0]
        #expect(acme.kind == .mapping)
        #expect(acme.mark == YAMLMark(line: 3, column: 5))
        #expect(acme["id"]?.text == "acme")
        #expect(acme["id"]?.style == .plain)
        #expect(acme["id"]?.mark == YAMLMark(line: 3, column: 9))
        #expect(acme["name"]?.text == "Acme, Inc.")
        #expect(acme["name"]?.style == .doubleQuoted)
        #expect(acme["markup"]?.text == "1.3")
        #expect(acme["missing"] == nil)

        #expect(root["empty"]?.kind == .sequence)
        #expect(root["empty"]?.items.isEmpty == true)
        #expect(root["note"]?.text == "two\nlines")  // the text ends without a line break
        #expect(root["note"]?.style == .literal)
        // A scalar has no pairs or items, and a container has no text.
        #expect(acme["id"]?.pairs.isEmpty == true)
        #expect(clients.text == nil)
        #expect(clients.style == nil)
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let root = try #require(try YAMLComposer.compose("name: Zoë Ådahl\nafter: ü\n"))
        #expect(root["after"]?.mark == YAMLMark(line: 2, column: 8))
        let error = try #require(throws: YAMLError.self) { try YAMLComposer.compose("é: [\n") }
        #expect(error.kind == .syntax)
        #expect(error.mark.line == 2)
    }

    @Test func anEmptyTextHasNoDocument() throws {
        #expect(try YAMLComposer.compose("") == nil)
        #expect(try YAMLComposer.compose("# only a comment\n") == nil)
        #expect(try YAMLComposer.compose("---\n")?.text == "")
    }

    @Test func aliasesResolveToTheirAnchoredNodes() throws {
        let root = try #require(try YAMLComposer.compose("""
            base: &limits
              limit: 10
              reset: monthly
            copy: *limits
            word: &w hello
            again: *w
            """))
        #expect(root["copy"]?["limit"]?.text == "10")
        #expect(root["copy"]?["reset"]?.mark == YAMLMark(line: 3, column: 10))
        #expect(root["again"]?.text == "hello")

        let error = try #require(throws: YAMLError.self) { try YAMLComposer.compose("a: *nowhere\n") }
        #expect(error.kind == .syntax)
        #expect(error.problem.contains("undefined alias"))
        #expect(error.mark == YAMLMark(line: 1, column: 4))
    }

    @Test func aRepeatedKeyIsRefusedWhereItFirstAppears() throws {
        let error = try #require(throws: YAMLError.self) {
            try YAMLComposer.compose("key:\n  limit: 10\n  reset: daily\n  limit: 20\n")
        }
        #expect(error.kind == .duplicateKey)
        #expect(error.problem == "limit")
        #expect(error.mark == YAMLMark(line: 2, column: 3))

        // Large mappings take the hashing path; the answer is the same.
        let fields = (0..<40).map { "field\($0): \($0)" } + ["field7: again"]
        let large = try #require(throws: YAMLError.self) { try YAMLComposer.compose(fields.joined(separator: "\n")) }
        #expect(large.kind == .duplicateKey)
        #expect(large.problem == "field7")
        #expect(large.mark == YAMLMark(line: 8, column: 1))

        // The same key in different mappings is fine.
        let root = try #require(try YAMLComposer.compose("- limit: 1\n- limit: 2\n"))
        #expect(root.items.map { $0["limit"]?.text } == ["1", "2"])
    }

    @Test func syntaxErrorsCarryLibyamlsProblemAndContext() throws {
        let error = try #require(throws: YAMLError.self) { try YAMLComposer.compose("a:\n  b: 'open\n  c: d\n") }
        #expect(error.kind == .syntax)
        #expect(error.problem == "found unexpected end of stream")
        #expect(error.mark == YAMLMark(line: 4, column: 1))
        #expect(error.context?.text == "while scanning a quoted scalar")
        #expect(error.context?.mark == YAMLMark(line: 2, column: 6))
    }

    @Test func aSecondDocumentIsRefused() throws {
        let error = try #require(throws: YAMLError.self) { try YAMLComposer.compose("a: 1\n---\nb: 2\n") }
        #expect(error.kind == .multipleDocuments)
        #expect(error.mark == YAMLMark(line: 2, column: 1))
    }
}
