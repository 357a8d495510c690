/// A problem with one input that the run reports and survives.
public struct Diagnostic: Sendable, Hashable, Codable {
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The input (or part of it) was not processed.
        case error
        /// The input was processed, but had to be repaired (re-encoded, bytes replaced).
        case warning
    }

    public var severity: Severity
    /// The file the problem is about (`<stdin>` for standard input).
    public var file: String
    /// The line, for JSONL records.
    public var line: Int?
    /// A short machine-readable kind (`binary`, `malformed-jsonl`, `encoding`, …).
    public var kind: String
    /// The one-line message, starting with the file name.
    public var message: String

    public init(severity: Severity, file: String, line: Int? = nil, kind: String, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.kind = kind
        self.message = message
    }

    public init(_ error: WinnowError) {
        var line: Int? = nil
        if case .malformedJSONL(_, let number, _) = error { line = number }
        self.init(severity: .error, file: error.path, line: line, kind: error.kind, message: error.description)
    }
}
