import Synchronization

/// Hands out per-worker copies of a rule set's compiled ICU regexes.
///
/// ICU regex objects keep match state and are not thread-safe, while a `RuleSet` is shared by
/// every worker. Each `apply` call checks out a `RegexBundle`, which clones a template only
/// when a line first needs it, and returns the bundle for the next call; so a run makes about
/// one copy per worker and regex, however many documents it cleans.
final class RegexPool: @unchecked Sendable {
    // @unchecked: `templates` is only compiled and cloned under `lock`; `free` is only touched
    // under `lock`; a bundle is used by one caller at a time.
    private let templates: [RegexTemplate]
    private let lock = Mutex(())
    private var free: [RegexBundle] = []

    init(templates: [RegexTemplate]) {
        self.templates = templates
    }

    var count: Int { templates.count }

    func checkOut() -> RegexBundle {
        let bundle: RegexBundle? = lock.withLock { _ in free.popLast() }
        return bundle ?? RegexBundle(pool: self)
    }

    func checkIn(_ bundle: RegexBundle) {
        bundle.releaseLongLineBuffers()
        lock.withLock { _ in free.append(bundle) }
    }

    fileprivate func copy(of slot: Int) -> ICURegex? {
        lock.withLock { _ in templates[slot].copy() }
    }

    /// Every template compiled (the tests check that each built-in regex compiles).
    func compileAll() -> Bool {
        lock.withLock { _ in templates.allSatisfy { $0.copy() != nil } }
    }
}

/// A regex of a rule set, compiled when the rules load (a user's regex, which must be checked
/// before any document is touched) or when a worker first needs it (a built-in one, which the
/// tests compile and probe: compiling all of them was most of a one-page run's start-up, and
/// a page reaches few).
final class RegexTemplate {
    let source: String
    let options: ICURegex.Options
    private var compiled: ICURegex?

    init(compiled regex: ICURegex, source: String, options: ICURegex.Options) {
        self.source = source
        self.options = options
        compiled = regex
    }

    init(deferred source: String, options: ICURegex.Options) {
        self.source = source
        self.options = options
    }

    /// A copy for one worker, compiling the template first if need be; nil if it does not
    /// compile (which the built-in rules' tests rule out).
    fileprivate func copy() -> ICURegex? {
        if compiled == nil {
            compiled = try? ICURegex(source, options: options, timeLimit: CompiledRules.regexTimeLimit)
        }
        return try? compiled?.copy()
    }
}

/// One worker's regex copies, filled on first use, and what its line rules concluded about
/// the lines it has seen.
final class RegexBundle {
    private unowned let pool: RegexPool
    private var regexes: [ICURegex?]
    /// Line-rule outcomes by line text and language (see `RuleMatcher.LineOutcome`).
    /// Twice the memo's default entries: the dev set's pages have more distinct lines than the
    /// default holds, and each time the memo empties itself a site's repeated lines (menus,
    /// footers) are matched again.
    var lineOutcomes = LineMemo<RuleMatcher.LineOutcome>(capacity: 1 << 15)
    /// The caption choice `lineOutcomes` holds outcomes for.
    var outcomesKeepCaptions: Bool?
    /// Scratch for the forms of the line being matched: its plain text (when markup has to be
    /// removed), its fold, its plain text's fold.
    let plainText = LineBuffer()
    let rawFolded = LineBuffer()
    let plainFolded = LineBuffer()
    /// Scratch for the text a regex runs on, widened to UTF-16 (`ICURegex.contains`).
    private let wide = UTF16Buffer()

    /// Buffers that grew past 1 MiB for a long line shrink back: a 200 MB line would
    /// otherwise keep 200 MB per worker for the rest of the run.
    fileprivate func releaseLongLineBuffers() {
        for buffer in [plainText, rawFolded, plainFolded] { buffer.shrink(above: 1 << 20) }
        wide.shrink(above: 1 << 19)
    }

    fileprivate init(pool: RegexPool) {
        self.pool = pool
        self.regexes = Array(repeating: nil, count: pool.count)
    }

    /// The patterns of the matches that ran past the ICU time limit, in order, since the
    /// bundle was made (`RuleMatcher` takes what one document added, for its warning).
    private(set) var timedOut: [String] = []

    /// Whether regex `slot` finds a match in `text`. A match that runs past the ICU time limit
    /// counts as no match: the text is kept rather than the run hanging, and `timedOut` says so.
    func matches(_ slot: Int, _ text: UnsafeRawBufferPointer) -> Bool {
        if regexes[slot] == nil { regexes[slot] = pool.copy(of: slot) }
        guard let regex = regexes[slot] else { return false }
        // Borrowed: `regexes` keeps the regex for the bundle's life (a copy retained it per try).
        return Unmanaged.passUnretained(regex)._withUnsafeGuaranteedRef { regex in
            do {
                return try matches(regex, text)
            } catch {
                timedOut.append(regex.pattern)
                return false
            }
        }
    }

    /// Where regex `slot` first matches in `text` (UTF-8 offsets), or nil; past the ICU time
    /// limit, nil (and `timedOut` says so), as for `matches`.
    func firstMatch(_ slot: Int, _ text: UnsafeRawBufferPointer) -> Range<Int>? {
        if regexes[slot] == nil { regexes[slot] = pool.copy(of: slot) }
        guard let regex = regexes[slot] else { return nil }
        do {
            return try regex.firstMatch(in: text)
        } catch {
            timedOut.append(regex.pattern)
            return nil
        }
    }

    /// The patterns that timed out after the first `count`, and forgets them.
    func takeTimedOut(after count: Int) -> [String] {
        guard timedOut.count > count else { return [] }
        defer { timedOut.removeSubrange(count...) }
        return Array(timedOut[count...])
    }

    /// `regex` run on `text` widened to UTF-16 (much faster in ICU); a text too long to widen
    /// within the bounds of a UTF-16 length is read as UTF-8.
    private func matches(_ regex: ICURegex, _ text: UnsafeRawBufferPointer) throws(ICURegex.Failure) -> Bool {
        guard text.count <= Self.longestWidened else { return try regex.firstMatch(in: text) != nil }
        // A UTF-8 text has at least as many bytes as its UTF-16 form has units.
        return try regex.contains(text, scratch: wide.reserve(text.count))
    }

    /// The longest text widened to UTF-16 (ICU takes 32-bit lengths).
    static let longestWidened = 1 << 29
}
