/// One piece of work for a worker: a whole text document, or a batch of JSONL records.
enum WorkUnit: Sendable {
    /// A text file (or standard input's bytes, already read).
    case text(source: SourceFile, bytes: [UInt8]?)
    /// Consecutive records of one JSONL file.
    case records(source: SourceFile, lines: [(number: Int, raw: [UInt8])], isFirst: Bool, isLast: Bool)
}

/// An input and where its output goes.
struct SourceFile: Sendable {
    /// Path to open, or nil for standard input.
    var path: String?
    /// Name in messages: the path as the user can open it.
    var label: String
    /// Document id: the path relative to its input root, or `<stdin>`.
    var id: String
    /// Output file, or nil for standard output.
    var outputPath: String?
    /// The path relative to the input root it was found under (for `--site-key directory`).
    var rootRelativePath = ""
    /// The size of a regular file as the walk saw it (reading skips its own `fstat`).
    var knownSize: Int? = nil
}

/// What a worker hands back: output bytes in unit order, and the unit's share of the stats.
struct UnitResult: Sendable {
    var source: SourceFile
    var output: [UInt8]
    /// True for the last unit of a source (the output file can be committed).
    var isLast: Bool
    var isFirst: Bool
    var stats: RunStats
}
