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
    private var guesses: [GuessKey: (guess: LanguageGuess, letters: Int)] = [:]
    private static let guessCapacity = 1 << 15

    /// Hashed and compared as UTF-8 bytes: `String`'s own hashing normalises to NFC first,
    /// which costs more than the lookup saves.
    private struct GuessKey: Hashable {
        var text: String
        var minimumLetters: Int

        static func == (a: GuessKey, b: GuessKey) -> Bool {
            guard a.minimumLetters == b.minimumLetters else { return false }
            var left = a.text
            var right = b.text
            return left.withUTF8 { l in right.withUTF8 { r in l.elementsEqual(r) } }
        }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(minimumLetters)
        }
    }

    /// The remembered guess for `text`, if any.
    func guess(for text: String, minimumLetters: Int) -> (guess: LanguageGuess, letters: Int)? {
        guesses[GuessKey(text: text, minimumLetters: minimumLetters)]
    }

    /// Remembers the guess for `text`.
    func remember(_ result: (guess: LanguageGuess, letters: Int), for text: String, minimumLetters: Int) {
        if guesses.count >= Self.guessCapacity { guesses.removeAll(keepingCapacity: true) }
        guesses[GuessKey(text: text, minimumLetters: minimumLetters)] = result
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
