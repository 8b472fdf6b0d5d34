import Domain
import Foundation
import Manifest
import SealedState
import Status
import Testing

@Suite struct StatusReportTests {
    private func report(_ fixture: StatusFixture) -> StatusReport { StatusReport(fixture.snapshot) }

    /// A snapshot with one key of limit $10 monthly that spent `spent` this month.
    private func oneKey(spent: String) throws -> StatusReport {
        let fixture = try StatusFixture()
        var snapshot = fixture.snapshot
        let entry = snapshot.entries.first { $0.address == address("acme/prod-api") }!
        snapshot.entries = [entry]
        var live = snapshot.live[entry.hash]!
        live.values.limit = usd("10")
        live.usage = KeyUsage(credit: UsageWindows(monthly: usd(spent)))
        snapshot.live = [entry.hash: live]
        snapshot.manifest.keys = snapshot.manifest.keys.filter { $0.address == entry.address }
        snapshot.manifest.keys[0].settings.rotation = nil
        return StatusReport(snapshot)
    }

    @Test func aKeyAtEightyPercentOfItsLimitNeedsAttention() throws {
        #expect(try oneKey(spent: "8").attention(.nearLimit).map(\.address) == [address("acme/prod-api")])
        #expect(try oneKey(spent: "8").clients[0].keys[0].percentUsed == 80)
    }

    @Test func aKeyJustBelowEightyPercentDoesNot() throws {
        let report = try oneKey(spent: "7.999999999")
        #expect(report.attention(.nearLimit).isEmpty)
        #expect(report.clients[0].keys[0].percentUsed == 79)
    }

    @Test func billedAmountsApplyTheClientsMarkupToCostRoundedToCents() throws {
        let acme = report(try StatusFixture()).client(ClientID("acme")!)!
        #expect(acme.cost?.monthly == usd("105.75"))
        #expect(acme.billed?.monthly == usd("137.48"))  // 105.75 × 1.3 = 137.475, billed in whole cents
        #expect(usd("0.005").roundedToCents() == usd("0.01"))
        #expect(usd("0.004999999").roundedToCents() == usd("0"))
    }

    @Test func keyLimitsPerMonthCountEveryWindowThatFitsInAMonth() throws {
        let report = report(try StatusFixture())
        // prod-api $100 monthly + staging $25 weekly × 5 + alice $5 daily × 31; bob's disabled key is left out.
        #expect(report.client(ClientID("acme")!)?.keyLimitsPerMonth == usd("380"))
        #expect(report.client(ClientID("acme")!)?.limitsExceedCap == false)
        #expect(report.client(ClientID("globex")!)?.keysWithoutLimit == 0)
    }

    @Test func keysExpiringWithinSevenDaysAndExpiredKeysNeedAttention() throws {
        let items = report(try StatusFixture()).attention(.expiring)
        #expect(items.map(\.address) == [address("globex/ingest"), address("acme/staging")])
        #expect(items[1].message == "expires on 2026-03-19 (in 4 days)")
    }

    @Test func anOverdueRotationNeedsAttention() throws {
        let items = report(try StatusFixture()).attention(.rotationDue)
        #expect(items.map(\.address) == [address("acme/prod-api")])
        #expect(items[0].message.contains("rotation was due on 2026-03-03"))
    }

    @Test func adoptedKeysAndUnmanagedKeysAndDriftNeedAttention() throws {
        let report = report(try StatusFixture())
        #expect(report.attention(.unknownSecret).map(\.address) == [address("globex/carol/adopted")])
        #expect(report.attention(.unmanaged).map(\.unmanagedName) == ["manual <test>"])
        #expect(report.attention(.drift).map(\.address) == [address("acme/staging")])
    }

    @Test func keysAreCountedByCondition() throws {
        let totals = report(try StatusFixture()).totals
        #expect(totals.keys == 8)
        #expect(totals.count(.active) == 5)
        #expect(totals.count(.disabled) == 1)
        #expect(totals.count(.expired) == 1)
        #expect(totals.count(.pending) == 1)
        #expect(totals.unmanaged == 1)
    }

    @Test func withoutARefreshNoUsageIsClaimed() throws {
        let report = StatusReport(try StatusFixture(refreshed: false).snapshot)
        #expect(report.totals.cost == nil)
        #expect(report.clients.flatMap(\.keys).allSatisfy { $0.percentUsed == nil && $0.spendInWindow == nil })
        #expect(report.attention(.nearLimit).isEmpty)
    }
}
