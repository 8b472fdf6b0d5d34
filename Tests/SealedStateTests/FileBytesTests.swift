import Foundation
@testable import SealedState
import Testing

/// Files of the state are read whole, straight into an array.
struct FileBytesTests {
    @Test func readsWholeFilesOfAnySize() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("keyplane-filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 1, 4095, 65_536, 1_000_003] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            let file = folder.appendingPathComponent("\(size)")
            try Data(bytes).write(to: file)
            #expect(try FileBytes.read(path: file.path) == bytes, "\(size) bytes")
        }
    }

    @Test func aMissingFileIsNil() throws {
        #expect(try FileBytes.read(path: "/nonexistent/keyplane/\(UUID().uuidString)") == nil)
    }

    @Test func aFileLongerThanItsStatedSizeIsReadToItsEnd() throws {
        // Files under /proc say they are empty and are not.
        let bytes = try #require(try FileBytes.read(path: "/proc/self/status"))
        #expect(String(decoding: bytes, as: UTF8.self).contains("Name:"))
    }

    @Test func aFolderIsAnErrorThatNamesIt() throws {
        #expect {
            try FileBytes.read(path: FileManager.default.temporaryDirectory.path)
        } throws: { error in
            guard case StateError.io(let path, _) = error else { return false }
            return path == FileManager.default.temporaryDirectory.path
        }
    }
}
