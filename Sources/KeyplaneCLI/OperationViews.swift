import Domain
import Engine
import Foundation
import Manifest
import Plan
import PlanFile
import PlanReport

/// What the commands show while an operation runs, for people: diagnostics and notes on standard
/// error, the plan on standard output, progress lines on standard error (one line redrawn on a
/// terminal), and apply's summary.
struct HumanView: OperationObserver {
    /// Whether standard output is a terminal that wants colour.
    var color: Bool = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    /// Whether progress lines redraw one line of a terminal.
    var redraw: Bool = isatty(STDERR_FILENO) == 1

    func diagnostics(_ diagnostics: [Diagnostic]) {
        var standardError = StandardError()
        for diagnostic in diagnostics { print(diagnostic, to: &standardError) }
    }

    func note(_ text: String) {
        var standardError = StandardError()
        print("keyplane: \(text)", to: &standardError)
    }

    func planned(_ document: PlanDocument) {
        print(PlanText.render(document, color: color), terminator: "")
    }

    func approve(_ document: PlanDocument) async -> Approval {
        guard isatty(STDIN_FILENO) == 1 else { return .cannotAsk }
        print("\nApply these changes? Only 'yes' is accepted: ", terminator: "")
        return readLine()?.trimmingCharacters(in: .whitespaces) == "yes" ? .approved : .declined
    }

    func changeFinished(_ event: ChangeEvent, done: Int, total: Int) {
        let change = event.change
        let line = event.failure.map { "✗ \(change.resource): \($0)" }
            ?? "\(PlanWords.symbol(change.action)) \(change.resource): \(PlanWords.pastTense(change))"
        var standardError = StandardError()
        if redraw {
            print("\r\u{1B}[K[\(done)/\(total)] \(line)", terminator: done == total ? "\n" : "", to: &standardError)
        } else {
            print("[\(done)/\(total)] \(line)", to: &standardError)
        }
    }

    func applied(_ report: ApplyReport) {
        for note in report.notes { self.note(note) }
        guard let commit = report.commit else {
            if report.applied.isEmpty && report.failed.isEmpty { print("Nothing to apply: the keys match the manifests.") }
            return
        }
        var line = "Applied \(Plural.count(report.applied.count, "change"))"
        var unfinished: [String] = []
        if !report.failed.isEmpty { unfinished.append("\(report.failed.count) failed") }
        if !report.notStarted.isEmpty { unfinished.append("\(report.notStarted.count) not started") }
        if !unfinished.isEmpty { line += " (\(unfinished.joined(separator: ", ")))" }
        print("\(line) and committed \(commit): \(report.commitSubject ?? "").")
        if let remote = report.pushedTo { print("Pushed \(commit) to \(remote).") }
    }
}

/// The same events as JSON lines on standard output, one object per event (`"type"` names it),
/// for machines: `apply --format json`. Diagnostics and notes go to standard output too, so a
/// reader sees everything in order; the approval question is never asked (pass --auto-approve).
struct JSONLinesView: OperationObserver {
    private struct Event<Body: Encodable>: Encodable {
        var type: String
        var body: Body
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(type, forKey: Key("type"))
            try container.encode(body, forKey: Key(type))
        }
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ text: String) { stringValue = text }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
    }

    private struct Progress: Encodable {
        var resource: ResourceAddressText
        var action: String
        var failure: String?
        var done: Int
        var total: Int
    }

    /// An address as `{"kind": …, "address": …}`.
    private typealias ResourceAddressText = Domain.ResourceAddress

    private func emit(_ type: String, _ body: some Encodable) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(Event(type: type, body: body)) else { return }
        print(String(decoding: data, as: UTF8.self))
    }

    func diagnostics(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { emit("diagnostic", "\(diagnostic)") }
    }

    func note(_ text: String) { emit("note", text) }

    func planned(_ document: PlanDocument) { emit("plan", document) }

    func approve(_ document: PlanDocument) async -> Approval { .cannotAsk }

    func changeFinished(_ event: ChangeEvent, done: Int, total: Int) {
        emit("progress", Progress(resource: event.change.resource, action: event.change.action.rawValue,
                                  failure: event.failure, done: done, total: total))
    }

    func applied(_ report: ApplyReport) { emit("applied", report) }
}
