import ArgumentParser

extension KeyplaneCommand {
    /// Every subcommand, in the order `--help` lists them. Add one line here per command.
    static let commands: [any ParsableCommand.Type] = [
        InitCommand.self,
        ValidateCommand.self,
        PlanCommand.self,
        ApplyCommand.self,
        ShowCommand.self,
        ImportCommand.self,
        UnlockCommand.self,
        StatusCommand.self,
        SiteCommand.self,
        StateCommand.self,
        SecretsCommand.self,
        SimulatorCommand.self,
    ]
}
