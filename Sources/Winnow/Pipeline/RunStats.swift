import Foundation

/// What a run did, for `--stats FILE` and the exit status: counts, bytes, rules, languages,
/// errors and speed. Merging is addition, so the totals do not depend on `--jobs`.
public struct RunStats: Sendable, Codable, Equatable {
    public struct Documents: Sendable, Codable, Equatable {
        /// Documents read and processed.
        public var read = 0
        /// Documents whose clean output was written.
        public var written = 0
        /// Documents skipped by `--resume` because their output is up to date.
        public var skipped = 0
        /// Documents (or files) that could not be processed.
        public var failed = 0
        /// Documents with nothing left after cleaning.
        public var empty = 0
        /// Documents dropped whole by a document-level rule (e.g. `--languages`).
        public var filtered = 0
    }

    public struct Lines: Sendable, Codable, Equatable {
        public var total = 0
        public var kept = 0
        public var dropped = 0
    }

    public var documents = Documents()
    public var lines = Lines()
    public var bytesIn = 0
    public var bytesOut = 0
    /// Lines dropped per rule or heuristic id.
    public var rules: [String: Int] = [:]
    /// Whole documents dropped per document-level rule id.
    public var documentRules: [String: Int] = [:]
    /// Documents per language.
    public var languages: [String: Int] = [:]
    public var errors: [Diagnostic] = []
    public var warnings: [Diagnostic] = []
    public var elapsedSeconds = 0.0
    public var megabytesPerSecond = 0.0

    public init() {}

    /// Adds another partial count into this one.
    public mutating func merge(_ other: RunStats) {
        documents.read += other.documents.read
        documents.written += other.documents.written
        documents.skipped += other.documents.skipped
        documents.failed += other.documents.failed
        documents.empty += other.documents.empty
        documents.filtered += other.documents.filtered
        lines.total += other.lines.total
        lines.kept += other.lines.kept
        lines.dropped += other.lines.dropped
        bytesIn += other.bytesIn
        bytesOut += other.bytesOut
        rules.merge(other.rules, uniquingKeysWith: +)
        documentRules.merge(other.documentRules, uniquingKeysWith: +)
        languages.merge(other.languages, uniquingKeysWith: +)
        errors += other.errors
        warnings += other.warnings
    }

    /// Counts one processed document.
    public mutating func count(_ document: Document) {
        documents.read += 1
        bytesIn += document.notes.inputBytes
        lines.total += document.blocks.count
        let dropped = document.verdict?.action == .drop
        if let verdict = document.verdict, dropped {
            documents.filtered += 1
            documentRules[verdict.reason.ruleID, default: 0] += 1
        }
        // Through a buffer pointer: `for block in` copies every block (they are large) just to
        // read a verdict. Neighbouring lines mostly fall to the same rule, so a run of one rule
        // id is counted once into the dictionary (one string hash per run, not per line).
        var runRule: String?
        var runLength = 0
        document.blocks.withUnsafeBufferPointer { blocks in
            for index in blocks.indices {
                if !dropped && blocks[index].verdictAction != .drop {
                    lines.kept += 1
                    continue
                }
                lines.dropped += 1
                guard blocks[index].verdictAction == .drop, let ruleID = blocks[index].verdictRuleID else { continue }
                if ruleID == runRule {
                    runLength += 1
                } else {
                    if let runRule { rules[runRule, default: 0] += runLength }
                    runRule = ruleID
                    runLength = 1
                }
            }
        }
        if let runRule { rules[runRule, default: 0] += runLength }
        languages[document.language?.code ?? "und", default: 0] += 1
    }

    /// The report as pretty, key-sorted JSON.
    public func json() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        guard let data = try? encoder.encode(self) else { return Array("{}\n".utf8) }
        return Array(data) + [0x0A]
    }
}
