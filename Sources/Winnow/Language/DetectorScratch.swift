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
    /// Guesses by (text, minimum letters); emptied when full, which only costs speed.
    private var guesses = LineMemo<(guess: LanguageGuess, letters: Int)>(capacity: 1 << 15)
    /// The visible text and guess of one-line paragraphs, by the line's raw text.
    private var lines = LineMemo<(plain: String, guess: LanguageGuess)>(capacity: 1 << 15)

    /// The remembered guess for `text`, if any.
    func guess(for text: String, minimumLetters: Int) -> (guess: LanguageGuess, letters: Int)? {
        guesses.value(for: text, tag: UInt64(truncatingIfNeeded: minimumLetters))
    }

    /// Remembers the guess for `text`.
    func remember(_ result: (guess: LanguageGuess, letters: Int), for text: String, minimumLetters: Int) {
        guesses.store(result, for: text, tag: UInt64(truncatingIfNeeded: minimumLetters))
    }

    /// The remembered visible text and guess of a one-line paragraph whose raw text is `line`.
    func lineGuess(for line: String) -> (plain: String, guess: LanguageGuess)? {
        lines.value(for: line)
    }

    /// Remembers a one-line paragraph's visible text and guess.
    func rememberLine(_ line: String, plain: String, guess: LanguageGuess) {
        lines.store((plain, guess), for: line)
    }
}

/// Hands out detector scratch to concurrent callers, and takes it back for the next document.
final class DetectorScratchPool: @unchecked Sendable {
    // @unchecked: `free` is only touched under `lock`; checked-out scratch has one user.
    private let lock = Mutex(())
    private var free: [DetectorScratch] = []

    func checkOut() -> DetectorScratch {
        let scratch: DetectorScratch? = lock.withLock { _ in free.popLast() }
        return scratch ?? DetectorScratch()
    }

    func checkIn(_ scratch: DetectorScratch) {
        lock.withLock { _ in free.append(scratch) }
    }
}
