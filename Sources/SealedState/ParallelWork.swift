import Dispatch
import Synchronization

/// Runs independent pieces of work (one per client file) on all cores. Rendering, parsing and
/// checking the files is most of the cost of opening and writing a large state, and each file
/// is independent of the others.
enum ParallelWork {
    /// `body(index)` for every index in `0..<count`, concurrently; the results in index order. If
    /// any piece throws, the error of the lowest index is thrown, so failures are reproducible.
    static func map<Result: Sendable>(count: Int, _ body: @Sendable (Int) throws(StateError) -> Result) throws(StateError) -> [Result] {
        guard count > 1 else {
            var results: [Result] = []
            for index in 0..<count { results.append(try body(index)) }
            return results
        }
        let slots = Mutex<[Swift.Result<Result, StateError>?]>(Array(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let outcome: Swift.Result<Result, StateError>
            do throws(StateError) { outcome = .success(try body(index)) } catch { outcome = .failure(error) }
            slots.withLock { $0[index] = outcome }
        }
        let outcomes = slots.withLock { $0 }
        var results: [Result] = []
        results.reserveCapacity(count)
        for outcome in outcomes {
            switch outcome {
            case .success(let result)?: results.append(result)
            case .failure(let error)?: throw error
            case nil: throw StateError.io(path: "(parallel work)", message: "a piece of work did not run")
            }
        }
        return results
    }
}
