/// One step between reading and writing.
///
/// A stage sets verdicts and languages on a document's blocks; it never edits `Block.text` or
/// removes blocks, so every output (clean text, JSONL, explain) is a view of the same
/// annotated document. A stage is shared by all workers, so it must be `Sendable`; per-thread
/// scratch state (ICU iterators) is created inside `process`.
public protocol Stage: Sendable {
    /// `language`, `boilerplate`, … (used in reports).
    var id: String { get }
    /// Annotates `document`. Throws only for failures that make the document unusable.
    func process(_ document: inout Document) throws(WinnowError)
}
