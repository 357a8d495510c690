/// Where a block came from in its input, so every verdict can point back at the raw text.
public struct SourceSpan: Sendable, Hashable, Codable {
    /// 1-based line number in the input (for JSONL: the line inside the text field).
    public var line: Int
    /// UTF-8 byte offset of the line's start in the decoded input.
    public var byteOffset: Int
    /// UTF-8 length of the line in the decoded input, without its line break (of all its
    /// lines, breaks between them included, when the block joins several).
    public var byteLength: Int
    /// Input lines the block stands for: more than one when a link that a fixed-width wrap cut
    /// across lines was joined back (see `WrappedLinkJoiner`).
    public var lineCount: Int

    /// The last input line of the block.
    public var lastLine: Int { line + lineCount - 1 }

    public init(line: Int, byteOffset: Int, byteLength: Int, lineCount: Int = 1) {
        self.line = line
        self.byteOffset = byteOffset
        self.byteLength = byteLength
        self.lineCount = lineCount
    }

    private enum CodingKeys: String, CodingKey {
        case line, byteOffset, byteLength, lineCount
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        line = try container.decode(Int.self, forKey: .line)
        byteOffset = try container.decode(Int.self, forKey: .byteOffset)
        byteLength = try container.decode(Int.self, forKey: .byteLength)
        lineCount = try container.decodeIfPresent(Int.self, forKey: .lineCount) ?? 1
    }
}
