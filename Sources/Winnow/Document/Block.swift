/// One non-blank line of the input: the unit every stage gives a verdict on.
///
/// Rendered pages put one paragraph, menu entry or list item on each line, so a line is the
/// natural unit of boilerplate. Lines separated by blank lines form paragraphs; `paragraph`
/// numbers them so writers can restore the blank lines and heuristics can look at whole
/// paragraphs.
public struct Block: Sendable, Hashable {
    /// The normalised line (NFC, no control characters), without leading or trailing spaces.
    public var text: String {
        get { storage.string }
        set {
            storage = .string(newValue)
            traits = .none
            lineHash = 0
        }
    }
    /// The text's bytes: a range of bytes the document's blocks share, until someone sets `text`.
    var storage: BlockText
    /// What the line looks like.
    public var kind: BlockKind
    /// Facts about the bytes found while segmenting (it sits in the padding after `kind`).
    var traits: TextTraits = .none
    /// `LineHash.of` the text's bytes, taken by the segmenter while it had them in cache, for
    /// the line memos of every stage; 0 when not taken (read it with `lineHash(at:)`).
    var lineHash: UInt64 = 0
    /// Index of the blank-line-separated paragraph this line belongs to (0-based, increasing).
    public var paragraph: Int
    /// Leading indentation in columns (a tab counts as 4), kept for layout-aware heuristics.
    public var indent: Int
    /// Where the line was in the input.
    public var origin: SourceSpan
    /// Language of the line, when the language detector has run.
    public var language: LanguageGuess? {
        get { annotations.language }
        set { annotations.language = newValue }
    }
    /// The decision about this line; `nil` means undecided, which the writer keeps.
    public var verdict: Verdict? {
        get { annotations.verdict }
        set { annotations.verdict = newValue }
    }
    /// The line's visible text (markdown removed), stored by the first stage that needs it so
    /// that later stages do not parse the markup again. Derived from `text`, so it is not part
    /// of the block's identity (see `==`).
    var plainTextCache: String? {
        get { annotations.plainTextCache }
        set { annotations.plainTextCache = newValue }
    }
    /// `plainText` read where the block is: the cached string when there is one (calling
    /// `plainText` on `blocks[i]` copies the whole block first, retaining its references).
    static func plainText(of blocks: [Block], at index: Int) -> String {
        if let cached = blocks[index].plainTextCache { return cached }
        return uncachedPlainText(of: blocks, at: index)
    }

    /// Out of line: inlined, the compiler copied the block before testing the cache.
    @inline(never)
    private static func uncachedPlainText(of blocks: [Block], at index: Int) -> String {
        blocks[index].plainText
    }

    /// Whether a stage has stored `plainTextCache` (read without copying the string).
    var hasPlainTextCache: Bool { annotations.plainTextCache != nil }
    /// The line's visible text (markdown removed): the cached one when a stage stored it.
    var plainText: String {
        if let cached = plainTextCache { return cached }
        let text = self.text
        // Most lines have no block marker and no inline markup: their plain text is the text
        // itself (the same bytes `InlineMarkup.plainText` would copy into a new string).
        var utf8 = text
        let unchanged = utf8.withUTF8 { raw in
            let line = UnsafeRawBufferPointer(raw)
            return InlineMarkup.strippingBlockMarkers(line).count == line.count && InlineMarkup.rendersUnchanged(line)
        }
        // A separator's written text is empty (the writer leaves it out, and `settle` does not
        // write a line that reads as one), however plain its bytes ("—", "-").
        return unchanged && kind != .separator ? text : InlineMarkup.writtenText(text)
    }

    /// What the stages added, held in the block: a box of its own cost an allocation and a
    /// free per line, and a pointer chase at every read.
    private var annotations = BlockAnnotations()

    public init(
        text: String, kind: BlockKind = .paragraph, paragraph: Int = 0, indent: Int = 0,
        origin: SourceSpan, language: LanguageGuess? = nil, verdict: Verdict? = nil
    ) {
        self.storage = .string(text)
        self.kind = kind
        self.paragraph = paragraph
        self.indent = indent
        self.origin = origin
        annotations = BlockAnnotations(language: language, verdict: verdict)
    }

    /// A block whose text is `storage` (the segmenter's blocks share their document's bytes).
    init(
        storage: BlockText, kind: BlockKind, paragraph: Int, indent: Int, origin: SourceSpan,
        traits: TextTraits = .none, lineHash: UInt64 = 0
    ) {
        self.storage = storage
        self.kind = kind
        self.traits = traits
        self.lineHash = lineHash
        self.paragraph = paragraph
        self.indent = indent
        self.origin = origin
    }

    /// Calls `body` with the UTF-8 of `text`, without making a string when the block shares
    /// its document's bytes.
    @inline(__always)
    public func withUTF8Text<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try storage.withUTF8(body)
    }

    /// `text.utf8.count`, without making the string.
    var utf8Count: Int {
        switch storage {
        case .string(let string): return string.utf8.count
        case .shared(_, let start, let end): return end - start
        }
    }

    /// `verdict?.action`, read in place without copying the verdict (and its strings).
    var verdictAction: Verdict.Action? { annotations.verdict?.action }

    /// With `--keep-captions`, where the caption's credit starts in the line's visible text
    /// ("Guards at a checkpoint. REUTERS/Stringer"): the text output writes what comes before it.
    var creditStart: Int32? {
        get { annotations.creditStart }
        set { annotations.creditStart = newValue }
    }

    /// The rule that found a kept caption's credit (`creditStart`).
    var creditRuleID: String? {
        get { annotations.creditRuleID }
        set { annotations.creditRuleID = newValue }
    }

    /// Whether a stage has decided about this line (`verdict != nil`), without copying the verdict.
    /// Always inlined: called, the getter took the block whole, and callers copied it (and
    /// retained its references) to pass it.
    @inline(__always)
    var isDecided: Bool { annotations.hasVerdict }

    /// `isDecided` read where the block is: through the array's storage, as `blocks[index]`
    /// copied the whole block first (retaining its references) on the heuristics' hot loops.
    static func isDecided(_ blocks: [Block], at index: Int) -> Bool {
        blocks.withUnsafeBufferPointer { $0[index].isDecided }
    }

    /// `verdict?.reason.ruleID`, read in place without copying the verdict's message.
    var verdictRuleID: String? { annotations.verdict?.reason.ruleID }

    /// `verdict?.reason.signals`, read in place without copying the verdict (and its strings).
    var verdictSignals: RuleSignals? { annotations.verdict?.reason.signals }

    /// `verdict?.reason.message`, read in place without copying the verdict's rule id.
    var verdictMessage: String? { annotations.verdict?.reason.message }

    /// `language?.code`, read in place without copying the guess (and its alternatives).
    var languageCode: String? { annotations.language?.code }

    /// `language?.confidence`, read in place without copying the guess.
    var languageConfidence: Double? { annotations.language?.confidence }

    /// Whether the writer will output this line.
    public var isKept: Bool { annotations.verdict?.action != .drop }

    /// Whether the verdict's reason has `ruleID` and `message`, compared in place (a copy of
    /// the verdict retains both strings).
    func hasReason(ruleID: String, message: String) -> Bool {
        annotations.verdict?.reason.ruleID == ruleID && annotations.verdict?.reason.message == message
    }

    public static func == (a: Block, b: Block) -> Bool {
        a.text == b.text && a.kind == b.kind && a.paragraph == b.paragraph && a.indent == b.indent
            && a.origin == b.origin && a.language == b.language && a.verdict == b.verdict
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(kind)
        hasher.combine(paragraph)
        hasher.combine(indent)
        hasher.combine(origin)
        hasher.combine(language)
        hasher.combine(verdict)
    }
}

/// The annotations of one block: what the stages added (language, verdict, plain-text cache).
struct BlockAnnotations: Sendable {
    var language: LanguageGuess?
    var verdict: Verdict?
    var plainTextCache: String?
    /// Where a kept caption's credit starts in the line's visible text (`--keep-captions`).
    var creditStart: Int32?
    /// The caption rule whose match is that credit.
    var creditRuleID: String?

    /// `verdict != nil` without copying the verdict.
    var hasVerdict: Bool {
        if case .some = verdict { return true }
        return false
    }

    init(language: LanguageGuess? = nil, verdict: Verdict? = nil, plainTextCache: String? = nil) {
        self.language = language
        self.verdict = verdict
        self.plainTextCache = plainTextCache
    }
}
