import KeyplaneCLI

await KeyplaneCommand.runAsMain()
