import Cryptography
import Foundation
@testable import SealedState
import Testing

/// The MAC is fed client by client, in whatever order the parts are ready, and must come out as
/// the HMAC of the whole input in the format's order.
struct StateMACTests {
    static func documents() throws -> (HeaderDocument, [ClientDocument]) {
        let (sandbox, _) = try RefusalTests.makeState()
        let decoder = JSONDecoder()
        let header = try decoder.decode(HeaderDocument.self, from: Data(contentsOf: sandbox.file("keyplane-state.json")))
        let clients = try ["acme", "globex"].map { try decoder.decode(ClientDocument.self, from: Data(contentsOf: sandbox.file("clients/\($0).json"))) }
        return (header, clients)
    }

    /// The input spelled out in one piece, as the format page defines it.
    static func wholeInput(header: HeaderDocument, clients: [ClientDocument]) -> [UInt8] {
        var input = MACInput(reservingCapacity: 4096)
        input.appendFrame(StateFormat.macDomain)
        header.appendCanonicalWithoutMAC(to: &input)
        input.appendUInt64(UInt64(clients.count))
        for client in clients {
            input.appendFrame(client.client)
            client.appendCanonical(to: &input)
        }
        return input.bytes
    }

    @Test func partsAddedInAnyOrderGiveTheMACOfTheWholeInput() throws {
        let (header, clients) = try Self.documents()
        let key = try SecureRandom.bytes(32)
        let expected = try Digest.hmacSHA256(key: key, Self.wholeInput(header: header, clients: clients))
        for order in [[0, 1], [1, 0]] {
            let mac = try StateMAC(key: key, header: header, clientCount: clients.count)
            for index in order { mac.add(clients[index], at: index) }
            #expect(try mac.finish() == expected)
        }
    }

    @Test func partsAddedConcurrentlyGiveTheMACOfTheWholeInput() throws {
        let (header, documents) = try Self.documents()
        // 64 clients, each a copy of acme's document under another id, ids in UTF-8 order.
        let clients = (0..<64).map { index in
            ClientDocument(client: "client-" + String(1000 + index), sortedEntries: documents[0].entries)
        }
        let key = try SecureRandom.bytes(32)
        let expected = try Digest.hmacSHA256(key: key, Self.wholeInput(header: header, clients: clients))
        var generator = SeededGenerator(seed: 64)
        for _ in 0..<10 {
            let order = Array(clients.indices).shuffled(using: &generator)
            let mac = try StateMAC(key: key, header: header, clientCount: clients.count)
            DispatchQueue.concurrentPerform(iterations: order.count) { mac.add(clients[order[$0]], at: order[$0]) }
            #expect(try mac.finish() == expected)
        }
    }

    @Test func aMACMissingAPartIsNotFinished() throws {
        let (header, clients) = try Self.documents()
        let mac = try StateMAC(key: try SecureRandom.bytes(32), header: header, clientCount: clients.count)
        mac.add(clients[1], at: 1)
        #expect(throws: CryptoError.self) { try mac.finish() }
    }

    @Test func hmacInPiecesEqualsHMACOfTheWhole() throws {
        let key = try SecureRandom.bytes(32)
        let message = try SecureRandom.bytes(100_000)
        let hmac = try HMACSHA256(key: key)
        for start in stride(from: 0, to: message.count, by: 7_777) {
            try hmac.update(Array(message[start..<min(start + 7_777, message.count)]))
        }
        #expect(try hmac.finish() == Digest.hmacSHA256(key: key, message))
        #expect(throws: CryptoError.self) { try hmac.finish() }
    }
}
