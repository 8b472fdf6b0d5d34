import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `keyplane-synth measure --out FILE -- COMMAND…`: runs a command once as a whole process and
/// records its wall time and peak resident memory, like `/usr/bin/time` but with microsecond
/// wall times and nothing to install.
struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "Run a command once; write its wall seconds, peak RSS (KiB), user and system CPU seconds to a file.",
        discussion: """
            The command inherits standard input, output and error. The file gets one line, \
            'WALL_SECONDS PEAK_RSS_KIB USER_SECONDS SYSTEM_SECONDS', and measure exits with the command's \
            exit code (128 + N when signal N ended it).
            """)

    @Option(name: .long, help: ArgumentHelp("Where to write the figures.", valueName: "file"))
    var out: String

    @Argument(parsing: .postTerminator, help: "The command and its arguments.")
    var command: [String]

    func validate() throws {
        guard !command.isEmpty else { throw ValidationError("give the command to measure after --") }
    }

    func run() throws {
        let arguments = command.map { strdup($0) } + [nil]
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        let started = ContinuousClock.now
        let spawned = posix_spawnp(&pid, command[0], nil, nil, arguments, environ)
        guard spawned == 0 else { throw ValidationError("cannot run \(command[0]): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw ValidationError("wait4 failed: \(String(cString: strerror(errno)))") }
        }
        let wall = ContinuousClock.now - started
        let (seconds, attoseconds) = wall.components
        let figures = [
            String(format: "%.6f", Double(seconds) + Double(attoseconds) / 1e18),
            String(usage.ru_maxrss),  // KiB on Linux
            String(format: "%.6f", Self.seconds(usage.ru_utime)),
            String(format: "%.6f", Self.seconds(usage.ru_stime)),
        ]
        try Data((figures.joined(separator: " ") + "\n").utf8).write(to: URL(fileURLWithPath: out))
        // The low 7 bits are the terminating signal (0 when the command exited); the next 8 its exit code.
        let signal = status & 0x7f
        throw ExitCode(signal == 0 ? (status >> 8) & 0xff : 128 + signal)
    }

    private static func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
}
