import Domain
import Plan
import TestSupport
import Testing

/// Budget writes are ordered so that OpenRouter never sees budgets that break its rule, whatever
/// the budgets were and become.
@Suite("budget write order")
struct BudgetWritesTests {
    static func budgets(_ amounts: [BudgetInterval: Int]) -> WorkspaceBudgets {
        WorkspaceBudgets(amounts.mapValues { USD(nanos: Int64($0) * USD.nanosPerDollar) })
    }

    @Test("lowering the monthly budget below the weekly one lowers the weekly one first")
    func narrowerFirstWhenLowering() {
        let writes = BudgetWrites.ordered(from: Self.budgets([.weekly: 200, .monthly: 500]),
                                          to: Self.budgets([.weekly: 50, .monthly: 100]))
        #expect(writes.map(\.interval) == [.weekly, .monthly])
    }

    @Test("raising the weekly budget above the monthly one raises the monthly one first")
    func widerFirstWhenRaising() {
        let writes = BudgetWrites.ordered(from: Self.budgets([.weekly: 200, .monthly: 500]),
                                          to: Self.budgets([.weekly: 800, .monthly: 1000]))
        #expect(writes.map(\.interval) == [.monthly, .weekly])
    }

    @Test("every intermediate state keeps the rule, for any valid start and target")
    func everyStepIsValid() {
        var random = TestRandom(defaultSeed: 17)
        func valid() -> WorkspaceBudgets {
            while true {
                var amounts: [BudgetInterval: Int] = [:]
                for interval in BudgetInterval.allCases where Bool.random(using: &random) {
                    amounts[interval] = Int.random(in: 1...12, using: &random)
                }
                let budgets = Self.budgets(amounts)
                if budgets.orderingViolation == nil { return budgets }
            }
        }
        for _ in 0..<2_000 {
            let start = valid(), target = valid()
            let writes = BudgetWrites.ordered(from: start, to: target)
            let states = BudgetWrites.applying(writes, to: start)
            #expect(states.last ?? start == target, "\(random): \(start) → \(target)")
            for state in states {
                #expect(state.orderingViolation == nil, "\(random): \(start) → \(target) passes through \(state)")
            }
        }
    }
}
