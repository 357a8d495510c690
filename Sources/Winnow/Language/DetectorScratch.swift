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

    /// The remembered visible text and guess of a one-line paragraph whose raw text is `line`,
    /// and the line's hash for `rememberLine`.
    func lineGuess(for line: String) -> (known: (plain: String, guess: LanguageGuess)?, hash: UInt64) {
        let found = lines.lookUp(line)
        return (found.value, found.hash)
    }

    /// Remembers a one-line paragraph's visible text and guess.
    func rememberLine(_ line: String, plain: String, guess: LanguageGuess, hash: UInt64) {
        lines.store((plain, guess), for: line, hash: hash)
    }
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
