import Dispatch
import Parallel
import Testing

@Suite struct ParallelWorkTests {
    struct Failure: Error, Equatable { let index: Int }

    @Test func mapKeepsInputOrderWhateverTheSchedule() {
        let values = ParallelWork.map(count: 1000, batch: 7) { index in index * index }
        #expect(values == (0..<1000).map { $0 * $0 })
        #expect(ParallelWork.map(count: 0) { $0 }.isEmpty)
    }

    @Test func mapThrowsTheErrorOfTheLowestIndex() {
        #expect(throws: Failure(index: 3)) {
            try ParallelWork.map(count: 500, batch: 1) { (index: Int) throws(Failure) -> Int in
                if index == 3 || index == 400 { throw Failure(index: index) }
                return index
            }
        }
    }

    @Test func bothRunsTheSecondAlongsideTheFirst() throws {
        // The first waits for a signal only the second gives: run one after the other, it would time out.
        let signal = DispatchSemaphore(value: 0)
        let (first, second) = ParallelWork.both({ signal.wait(timeout: .now() + 10) == .success }) {
            signal.signal()
            return "second"
        }
        #expect(first)
        #expect(second == "second")
    }

    @Test func bothThrowsTheFirstsErrorBeforeTheSeconds() {
        #expect(throws: Failure(index: 1)) {
            try ParallelWork.both({ () throws(Failure) -> Int in throw Failure(index: 1) }) { () throws(Failure) -> Int in
                throw Failure(index: 2)
            }
        }
        #expect(throws: Failure(index: 2)) {
            try ParallelWork.both({ () throws(Failure) -> Int in 1 }) { () throws(Failure) -> Int in throw Failure(index: 2) }
        }
    }
}
