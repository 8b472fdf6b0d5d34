import ArgumentParser
import SealedState

/// The cost of a new passphrase wrapping, stored in the state so it can be raised later.
struct StateKDFOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "scrypt cost as log2(N) for a new passphrase wrapping: 17 is 128 MiB and a few tenths of a second; each step doubles both.",
        valueName: "n"))
    var scryptLogN: Int = 17

    var kdf: PassphraseKDF { .scrypt(logN: scryptLogN, r: 8, p: 1) }

    func validate() throws {
        guard (10...22).contains(scryptLogN) else { throw ValidationError("--scrypt-log-n must be between 10 and 22") }
    }
}
