/// What is wrong with one entry; the reader adds the file and address.
struct EntryProblem: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
