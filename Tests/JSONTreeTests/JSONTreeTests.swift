import Foundation
import JSONTree
import Testing

@Suite struct JSONTreeTests {
    func tree(_ text: String) -> JSONTree? { JSONTree(parsing: Array(text.utf8)) }

    @Test func readsEveryKindOfValue() throws {
        let parsed = try #require(tree("""
            {"text": "caf\\u00e9 \\"quoted\\" \\\\ \\/ \\n", "number": -1.5e-7, "whole": 12,
             "yes": true, "no": false, "nothing": null, "list": [1, "two", {"three": 3}], "object": {"b": 1, "a": 2}}
            """))
        let root = parsed.value
        #expect(root.isObject)
        #expect(root["text"]?.string == "café \"quoted\" \\ / \n")
        #expect(root["number"]?.number == -1.5e-7)
        #expect(root["whole"]?.number == 12)
        #expect(root["yes"]?.bool == true)
        #expect(root["no"]?.bool == false)
        #expect(root["nothing"]?.isNull == true)
        #expect(root["missing"] == nil)
        let list = try #require(root["list"])
        #expect(list.isArray)
        #expect(list.elements.count == 3)
        #expect(list.elements[1].string == "two")
        #expect(list.elements[2]["three"]?.number == 3)
        // Members keep the order written.
        #expect(root["object"]?.members.map(\.name) == ["b", "a"])
    }

    @Test func typedAccessorsAnswerNilForOtherTypes() throws {
        let root = try #require(tree(#"{"a": "1", "b": 1, "c": null, "d": [], "e": true}"#)).value
        #expect(root["a"]?.number == nil)
        #expect(root["b"]?.string == nil)
        #expect(root["c"]?.bool == nil)
        #expect(root["c"]?.string == nil)
        #expect(root["d"]?.isObject == false)
        #expect(root["d"]?["x"] == nil)
        #expect(root["e"]?.number == nil)
        #expect(root["a"]?.elements.isEmpty == true)
        #expect(root["a"]?.members.isEmpty == true)
    }

    @Test func refusesWhatIsNotOneJSONValue() {
        #expect(tree("") == nil)
        #expect(tree("{") == nil)
        #expect(tree(#"{"a": 1} trailing"#) == nil)
        #expect(tree(#"{"a": 1} {"b": 2}"#) == nil)
        #expect(tree("{\"a\": 1}\n  \t") != nil)
        #expect(tree("[1, 2,]") == nil)
    }

    @Test func refusesAnEscapedNULWhichCJSONCannotHold() {
        #expect(tree(#"{"a": "x\u0000y"}"#) == nil)
        #expect(tree(#"{"a": "\\\u0000"}"#) == nil)
        // An escaped backslash followed by the text u0000 is no NUL.
        #expect(tree(#"{"a": "\\u0000"}"#)?.value["a"]?.string == "\\u0000")
        #expect(tree(#"{"a": "\\\\u0000 \\t"}"#)?.value["a"]?.string == "\\\\u0000 \\t")
        // At the very end of the text, and after other escapes.
        #expect(tree(#"["\n\\\u0000"]"#) == nil)
        #expect(tree(#"["\u000"]"#) == nil)
        #expect(tree(#"["\u0001"]"#)?.value.elements.first?.string == "\u{1}")
    }

    @Test func membersTakenInOrderAreTheMembersLookedUp() throws {
        let root = try #require(tree(#"{"a": 1, "b": "two", "d": true}"#)).value
        var members = root.orderedMembers
        #expect(members.take("a")?.number == 1)
        #expect(members.take("b")?.string == "two")
        #expect(members.take("c") == nil)
        #expect(members.take("d")?.bool == true)
    }

    @Test func membersTakenInAnotherOrderAreStillFound() throws {
        let root = try #require(tree(#"{"d": true, "b": "two", "a": 1}"#)).value
        var members = root.orderedMembers
        #expect(members.take("a")?.number == 1)
        #expect(members.take("b")?.string == "two")
        #expect(members.take("c") == nil)
        #expect(members.take("d")?.bool == true)
    }

    @Test func aRepeatedNameIsTakenAsTheLookupFindsIt() throws {
        // A lookup finds the first member of a name; taking members must agree, in any order.
        let text = #"{"b": 1, "a": 2, "b": 3, "a": 4}"#
        let root = try #require(tree(text)).value
        var inOrder = root.orderedMembers
        #expect(inOrder.take("b")?.number == 1)
        #expect(inOrder.take("a")?.number == 2)
        var reversed = root.orderedMembers
        #expect(reversed.take("a")?.number == 2)
        #expect(reversed.take("b")?.number == 1)
        #expect(root["a"]?.number == 2 && root["b"]?.number == 1)
    }

    @Test func aValueThatIsNotAnObjectHasNoMembersToTake() throws {
        let root = try #require(tree(#"[{"a": 1}]"#)).value
        var members = root.orderedMembers
        #expect(members.take("a") == nil)
    }

    @Test func infiniteNumbersAreNotNumbers() throws {
        let root = try #require(tree(#"{"big": 1e400}"#)).value
        #expect(root["big"]?.number == nil)
    }

    @Test func readsTheSameAsJSONDecoderForWhatJSONEncoderWrites() throws {
        struct Sample: Codable, Equatable {
            var name: String
            var amount: Double
            var flag: Bool
            var note: String?
        }
        // Seeded, and the seed is in every failure message; KEYPLANE_TEST_SEED tries another.
        let seed = ProcessInfo.processInfo.environment["KEYPLANE_TEST_SEED"].flatMap { UInt64($0) } ?? 0x6a73_6f6e
        var generator = SplitMix64(state: seed)
        let alphabet = Array("aé€😀\"\\/\n\t\u{1}zZ09 -_.")
        for _ in 0..<200 {
            let name = String((0..<Int.random(in: 0...20, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let amount = (Double(Int.random(in: -1_000_000_000...1_000_000_000, using: &generator)) / 1e9) * pow(10, Double(Int.random(in: -3...6, using: &generator)))
            let sample = Sample(name: name, amount: amount, flag: Bool.random(using: &generator), note: Bool.random(using: &generator) ? name : nil)
            let bytes = Array(try JSONEncoder().encode(sample))
            let decoded = try JSONDecoder().decode(Sample.self, from: Data(bytes))
            let root = try #require(JSONTree(parsing: bytes)).value
            let read = Sample(name: try #require(root["name"]?.string), amount: try #require(root["amount"]?.number),
                              flag: try #require(root["flag"]?.bool as Bool?), note: root["note"]?.string)
            #expect(read == decoded, "seed \(seed)")
        }
    }
}

/// SplitMix64, a generator that gives the same numbers for the same seed on every platform.
private struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
