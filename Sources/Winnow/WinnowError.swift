/// Everything that can go wrong with one input, one rule file or one output.
///
/// Each case renders as one line, `<path>[:line]: <what happened>[; <what to do>]`; the CLI
/// prefixes `winnow: ` and prints it on stderr, and the run goes on with the other inputs.
public enum WinnowError: Error, Sendable, Hashable, CustomStringConvertible {
    case unreadableFile(path: String, detail: String)
    case emptyInput(path: String)
    case binaryInput(path: String, detail: String)
    case invalidEncoding(path: String, detail: String)
    case malformedJSONL(path: String, line: Int, detail: String)
    case invalidRuleFile(path: String, line: Int, detail: String)
    case duplicateRuleID(id: String, first: String, second: String)
    case invalidProfile(path: String, detail: String)
    case outputNotWritable(path: String, detail: String)
    case invalidArgument(String)
    case internalFailure(path: String, detail: String)

    /// The file the error is about, for reports.
    public var path: String {
        switch self {
        case .unreadableFile(let path, _), .emptyInput(let path), .binaryInput(let path, _),
            .invalidEncoding(let path, _), .malformedJSONL(let path, _, _),
            .invalidRuleFile(let path, _, _), .invalidProfile(let path, _),
            .outputNotWritable(let path, _), .internalFailure(let path, _):
            return path
        case .duplicateRuleID(_, _, let second):
            return second
        case .invalidArgument:
            return ""
        }
    }

    /// A short machine-readable kind for the stats report.
    public var kind: String {
        switch self {
        case .unreadableFile: "unreadable"
        case .emptyInput: "empty"
        case .binaryInput: "binary"
        case .invalidEncoding: "encoding"
        case .malformedJSONL: "malformed-jsonl"
        case .invalidRuleFile: "invalid-rule"
        case .duplicateRuleID: "duplicate-rule"
        case .invalidProfile: "invalid-profile"
        case .outputNotWritable: "output"
        case .invalidArgument: "usage"
        case .internalFailure: "internal"
        }
    }

    public var description: String {
        switch self {
        case .unreadableFile(let path, let detail):
            "\(path): cannot read: \(detail); skipped"
        case .emptyInput(let path):
            "\(path): empty file; skipped"
        case .binaryInput(let path, let detail):
            "\(path): looks binary (\(detail)); skipped"
        case .invalidEncoding(let path, let detail):
            "\(path): cannot decode: \(detail); skipped"
        case .malformedJSONL(let path, let line, let detail):
            "\(path):\(line): malformed JSONL record: \(detail); skipped"
        case .invalidRuleFile(let path, let line, let detail):
            line > 0 ? "\(path):\(line): \(detail)" : "\(path): \(detail)"
        case .duplicateRuleID(let id, let first, let second):
            "\(second): duplicate rule id '\(id)' (first defined in \(first))"
        case .invalidProfile(let path, let detail):
            "\(path): not a usable winnow profile: \(detail)"
        case .outputNotWritable(let path, let detail):
            "\(path): cannot write output: \(detail)"
        case .invalidArgument(let detail):
            detail
        case .internalFailure(let path, let detail):
            "\(path): \(detail)"
        }
    }
}
