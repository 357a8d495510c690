/// A unit of input: one file, one stdin stream, or one JSONL record, as a list of lines.
///
/// Stages annotate a document (verdicts, languages) and never rewrite or delete its blocks;
/// the writers turn the annotations into clean text, JSONL or an explain view.
public struct Document: Sendable {
    /// The path relative to the input root, `<stdin>`, or the JSONL record's id.
    public var id: String
    /// Every non-blank line, in input order.
    public var blocks: [Block]
    /// The document's main language, when the language detector has run.
    public var language: LanguageGuess?
    /// Set when the whole document is rejected (wrong language, nothing kept).
    public var verdict: Verdict?
    /// Facts the reader noticed (decoding, replacement characters) for reports.
    public var notes: ReadNotes
    /// For JSONL input: the record the text came from, so other fields pass through untouched.
    public var record: JSONLRecord?
    /// Site key for corpus-level statistics (a host, or the first directory under the root).
    public var site: String?
    /// The pattern of each rule regex match that ran past its time limit on this document
    /// (taken as no match), for a warning.
    public var timedOutPatterns: [String] = []

    public init(
        id: String, blocks: [Block], language: LanguageGuess? = nil, verdict: Verdict? = nil,
        notes: ReadNotes = ReadNotes(), record: JSONLRecord? = nil, site: String? = nil
    ) {
        self.id = id
        self.blocks = blocks
        self.language = language
        self.verdict = verdict
        self.notes = notes
        self.record = record
        self.site = site
    }

    /// Gives every block its own string, once, for stages that read `Block.text` often.
    mutating func makeTextStrings() {
        for index in blocks.indices {
            if case .shared = blocks[index].storage {
                blocks[index].storage = .string(blocks[index].storage.string)
            }
        }
    }

    /// The blocks the writer will output (none when the document itself is dropped).
    public var keptBlocks: [Block] {
        verdict?.action == .drop ? [] : blocks.filter(\.isKept)
    }
}

/// What happened while a document was decoded.
public struct ReadNotes: Sendable, Hashable, Codable {
    /// The encoding the bytes were decoded from (`UTF-8`, `windows-1252`, …).
    public var encoding: String
    /// Invalid byte sequences replaced by U+FFFD.
    public var replacements: Int
    /// Bytes read from the input for this document.
    public var inputBytes: Int

    public init(encoding: String = "UTF-8", replacements: Int = 0, inputBytes: Int = 0) {
        self.encoding = encoding
        self.replacements = replacements
        self.inputBytes = inputBytes
    }
}
