import Foundation

/// A growable run of bytes that the JSON writer and the MAC input append to, a few bytes at a time,
/// hundreds of thousands of times per state. Appending to an `Array` costs a uniqueness check and a
/// generic copy per call; this buffer only checks its capacity. It owns its memory and cannot be
/// copied; `array` copies the bytes out once at the end.
///
/// A buffer made with `init(comparingWith:)` stores nothing: it compares what is appended with
/// bytes it was given, which is how a file read is checked to be exactly what keyplane writes
/// without writing it all out again.
struct ByteBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes are written (or compared); the rest of the capacity is uninitialized.
    private(set) var count = 0
    /// The bytes appends are compared with, for a comparing buffer.
    private let expected: UnsafeBufferPointer<UInt8>?
    /// Whether every byte appended so far equals the expected byte at its place.
    private var matchesSoFar = true

    init(reservingCapacity capacity: Int) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
        expected = nil
    }

    /// A buffer that compares instead of storing. `bytes` must stay valid while it is used.
    init(comparingWith bytes: UnsafeBufferPointer<UInt8>) {
        capacity = 0
        start = .allocate(capacity: 1)
        expected = bytes
    }

    deinit {
        start.deallocate()
    }

    /// A copy of the bytes written.
    var array: [UInt8] {
        Array(UnsafeBufferPointer(start: start, count: count))
    }

    /// For a comparing buffer: whether exactly the expected bytes were appended, no more, no fewer.
    var matchesExpected: Bool { matchesSoFar && count == expected?.count }

    mutating func append(_ byte: UInt8) {
        if let expected {
            if matchesSoFar, count >= expected.count || expected[count] != byte { matchesSoFar = false }
            count += 1
            return
        }
        if count == capacity { grow(toHold: count + 1) }
        start[count] = byte
        count += 1
    }

    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        if let expected {
            if matchesSoFar,
                count + bytes.count > expected.count || memcmp(expected.baseAddress! + count, source, bytes.count) != 0
            {
                matchesSoFar = false
            }
            count += bytes.count
            return
        }
        if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
        (start + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Fixed ASCII text.
    mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// A string's UTF-8 bytes.
    mutating func append(utf8 text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { append($0) }
        }
    }

    private mutating func grow(toHold needed: Int) {
        let newCapacity = max(needed, capacity * 2)
        let newStart = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStart.moveInitialize(from: start, count: count)
        start.deallocate()
        start = newStart
        capacity = newCapacity
    }
}
