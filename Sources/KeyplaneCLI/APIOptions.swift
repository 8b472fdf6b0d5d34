import ArgumentParser

/// How a command reaches OpenRouter. Without a management key and base URL, keyplane uses its
/// embedded simulator, persisted under `.keyplane/` in the repository, and says so on stderr.
struct APIOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "A file holding the management key (instead of OPENROUTER_MANAGEMENT_KEY).", valueName: "file"))
    var managementKeyFile: String?

    @Option(name: .customLong("api-url"), help: ArgumentHelp(
        "The API's base URL (instead of OPENROUTER_BASE_URL; default https://openrouter.ai/api/v1).", valueName: "url"))
    var apiURL: String?
}
