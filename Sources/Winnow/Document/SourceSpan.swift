/// Where a block came from in its input, so every verdict can point back at the raw text.
public struct SourceSpan: Sendable, Hashable, Codable {
    /// 1-based line number in the input (for JSONL: the line inside the text field).
    public var line: Int
    /// UTF-8 byte offset of the line's start in the decoded input.
    public var byteOffset: Int
    /// UTF-8 length of the line in the decoded input, without its line break.
    public var byteLength: Int

    public init(line: Int, byteOffset: Int, byteLength: Int) {
        self.line = line
        self.byteOffset = byteOffset
        self.byteLength = byteLength
    }
}
