/// One JSONL record as read: its raw bytes, so fields other than the text pass through
/// byte for byte, and where the text field's value sits in them.
public struct JSONLRecord: Sendable, Hashable {
    /// The record's line exactly as read (without the line break).
    public var raw: [UInt8]
    /// Byte range of the text field's value (the JSON string, quotes included) in `raw`,
    /// or `nil` when the record has no such field.
    public var textValueRange: Range<Int>?
    /// 1-based line number of the record in its file.
    public var line: Int
    /// The record's `id` field as text, when it has one.
    public var recordID: String?
    /// The record's top-level string fields other than the text (`url`, `site`, …), for site
    /// grouping and filters.
    public var stringFields: [String: String]

    public init(
        raw: [UInt8], textValueRange: Range<Int>?, line: Int, recordID: String?,
        stringFields: [String: String] = [:]
    ) {
        self.raw = raw
        self.textValueRange = textValueRange
        self.line = line
        self.recordID = recordID
        self.stringFields = stringFields
    }
}
