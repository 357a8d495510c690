import Synchronization

/// What the language detector remembers between the texts it scores, for one caller at a time:
/// each word's evidence, and the guess for each text already judged.
///
/// Rendered pages repeat lines within a page and across the pages of a site (menus, footers,
/// bylines, share buttons), so a worker that remembers the guess for a line it has judged
/// before skips most of the scoring. Both memories hold pure functions of their keys, so
/// results never depend on what was remembered before.
final class DetectorScratch {
    /// Evidence of the words already scored.
    let wordScores = WordScoreCache()
    /// Buffers for reading texts into evidence.
    let evidence: EvidenceScratch

    /// Guesses by (text, minimum letters); emptied when full, which only costs speed.
    private var guesses = LineMemo<(guess: LanguageGuess, letters: Int)>()
    /// The visible text and guess of one-line paragraphs, by the line's raw text.
    private var lines = LineMemo<(plain: String, guess: LanguageGuess)>()

    /// What the lines of a paragraph of several lines came to, by their samples joined by
    /// newlines (menus and footers repeat whole paragraphs across a site's pages). Fewer
    /// entries than the line memos: a key is up to a kilobyte.
    private var paragraphs = LineMemo<ParagraphJudgement>(capacity: 1 << 12)

    /// Where a line with markup is rendered to its visible text (`LanguageDetector.visibleText`):
    /// one buffer per worker, not an array grown and a string of the line made per line.
    var markup: [UInt8] = []

    /// - Parameter poolSizes: the scorer's candidates of each shared script family.
    init(poolSizes: [Int]) {
        evidence = EvidenceScratch(poolSizes: poolSizes)
    }

    /// The remembered guess for `text`, if any, and the key's hash for `remember`.
    func guess(for text: String, minimumLetters: Int) -> (known: (guess: LanguageGuess, letters: Int)?, hash: UInt64) {
        let found = guesses.lookUp(text, tag: UInt64(truncatingIfNeeded: minimumLetters))
        return (found.value, found.hash)
    }

    /// Remembers the guess for `text` (`hash` from `guess(for:minimumLetters:)`).
    func remember(
        _ result: (guess: LanguageGuess, letters: Int), for text: String, minimumLetters: Int, hash: UInt64
    ) {
        guesses.store(result, for: text, tag: UInt64(truncatingIfNeeded: minimumLetters), hash: hash)
    }

    /// The remembered judgement of the paragraph of `lines` lines whose samples, joined by
    /// newlines, are `bytes` (a sample holds no newline: a block is one line), and the hash for
    /// `rememberParagraph`.
    func paragraph(for bytes: UnsafeBufferPointer<UInt8>, lines: Int) -> (known: ParagraphJudgement?, hash: UInt64) {
        let found = paragraphs.lookUp(bytes: bytes, tag: UInt64(lines))
        return (found.value, found.hash)
    }

    /// Remembers a paragraph's judgement (`hash` from `paragraph(for:lines:)`).
    func rememberParagraph(_ judgement: ParagraphJudgement, for bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        guard hash != 0 else { return }
        paragraphs.store(judgement, bytes: bytes, tag: UInt64(judgement.lines.count), hash: hash)
    }

    /// The remembered visible text and guess of a one-line paragraph whose raw text is `line`,
    /// and the line's hash for `rememberLine`.
    func lineGuess(for line: String) -> (known: (plain: String, guess: LanguageGuess)?, hash: UInt64) {
        let found = lines.lookUp(line)
        return (found.value, found.hash)
    }

    /// `lineGuess(for:)` for a line given as its UTF-8 bytes (no string is made).
    func lineGuess(forBytes line: UnsafeBufferPointer<UInt8>) -> (known: (plain: String, guess: LanguageGuess)?, hash: UInt64) {
        let found = lines.lookUp(bytes: line)
        return (found.value, found.hash)
    }

    /// Asks into cache what the lookups of the lines whose `LineHash`es are `hashes` (0: none)
    /// will read: a caller does this for a document's lines first, so that their cache misses
    /// overlap instead of stalling one line at a time.
    func prefetchLines(hashes: UnsafeBufferPointer<UInt64>) {
        lines.prefetch(hashes: hashes)
    }

    /// `lineGuess(forBytes:)` with the line's `LineHash` (the block's `lineHash`).
    func lineGuess(forBytes line: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (known: (plain: String, guess: LanguageGuess)?, hash: UInt64) {
        let found = lines.lookUp(bytes: line, hash: hash)
        return (found.value, found.hash)
    }

    /// `rememberLine(_:plain:guess:hash:)` for a line given as its UTF-8 bytes.
    func rememberLine(bytes line: UnsafeBufferPointer<UInt8>, plain: String, guess: LanguageGuess, hash: UInt64) {
        lines.store((plain, guess), bytes: line, hash: hash)
    }

    /// Remembers a one-line paragraph's visible text and guess.
    func rememberLine(_ line: String, plain: String, guess: LanguageGuess, hash: UInt64) {
        lines.store((plain, guess), for: line, hash: hash)
    }
}

/// The guesses for the lines of a paragraph of several lines, before the lines' kinds are
/// weighed (see `LanguageDetector.process`): a pure function of the lines' samples.
struct ParagraphJudgement {
    /// How one line came out.
    enum Line {
        /// Too short to judge alone: it takes the paragraph's guess (`und` when there is none).
        case short
        /// Its leading language is the paragraph's: it takes the paragraph's guess.
        case agrees
        /// Its own guess and the letters behind it.
        case own(LanguageGuess, letters: Int)
    }

    /// The paragraph's guess.
    var shared: LanguageGuess
    var lines: [Line]
}

/// Hands out detector scratch to concurrent callers, and takes it back for the next document.
final class DetectorScratchPool: @unchecked Sendable {
    // @unchecked: `free` is only touched under `lock`; checked-out scratch has one user.
    private let lock = Mutex(())
    private var free: [DetectorScratch] = []
    private let poolSizes: [Int]

    /// - Parameter poolSizes: the scorer's candidates of each shared script family.
    init(poolSizes: [Int]) {
        self.poolSizes = poolSizes
    }

    func checkOut() -> DetectorScratch {
        let scratch: DetectorScratch? = lock.withLock { _ in free.popLast() }
        return scratch ?? DetectorScratch(poolSizes: poolSizes)
    }

    func checkIn(_ scratch: DetectorScratch) {
        lock.withLock { _ in free.append(scratch) }
    }
}
