/// Problems the unit producer finds between the units it hands out (a file that cannot be
/// opened, an empty or UTF-16 JSONL file, a failed directory walk), held until the units
/// before them are written.
///
/// Reported the moment they were found, they came before or after other files' problems
/// depending on how far the workers had got: stderr and the report's error list changed with
/// `--jobs`. Each is now reported just before the first batch handed out after it.
struct HeldDiagnostics {
    private var byBatch: [Int: [Diagnostic]] = [:]
    /// The sequence number of the first batch that will hold units produced after now.
    var nextBatch = 0

    mutating func hold(_ diagnostic: Diagnostic) {
        byBatch[nextBatch, default: []].append(diagnostic)
    }

    /// The problems found before batch `sequence` was handed out (and after the one before).
    mutating func take(before sequence: Int) -> [Diagnostic] {
        byBatch.removeValue(forKey: sequence) ?? []
    }

    /// What is still held, in the order it was found (after the last batch).
    mutating func takeAll() -> [Diagnostic] {
        defer { byBatch.removeAll() }
        return byBatch.sorted { $0.key < $1.key }.flatMap(\.value)
    }
}
