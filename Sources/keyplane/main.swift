import KeyplaneCLI

await KeyplaneCommand.main()
