import Synchronization

/// How many `/api/v1` requests were answered with each HTTP status, from any task.
final class ResponseTally: Sendable {
    private let counts = Mutex<[Int: Int]>([:])

    func record(_ status: Int) { counts.withLock { $0[status, default: 0] += 1 } }

    func reset() { counts.withLock { $0 = [:] } }

    /// `{"requests": N, "by_status": {"200": …, "429": …}}`, statuses in order.
    var json: String {
        let snapshot = counts.withLock { $0 }
        let total = snapshot.values.reduce(0, +)
        let statuses = snapshot.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
        return "{\"requests\": \(total), \"by_status\": {\(statuses)}}\n"
    }
}
