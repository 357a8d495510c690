/// A `RulePattern` prepared for matching: folded phrases, prefilter literals, a regex slot.
///
/// A class: a line tries dozens of candidate patterns, and calling a method on a struct stored
/// in a rule's entry copied it (retaining each of its arrays) on every try.
final class CompiledPattern: Sendable {
    enum Test: Sendable {
        case equals([UInt8])
        case prefix([UInt8])
        case contains([UInt8])
        case anyOf(Set<String>)
        /// `branches`: when not empty, the pattern's top-level alternatives, each with its own
        /// regex slot and prefilter, run instead of `slot` (see `RegexAlternatives`).
        case regex(slot: Int, branches: [Branch])
    }

    /// One top-level alternative of a regex pattern.
    ///
    /// A class for the reason `CompiledPattern` is one: a struct copied out of the branches
    /// array retained each of its arrays on every try.
    final class Branch: Sendable {
        let slot: Int
        /// Literal ids one of which the folded text must hold; `nil`: no literal prefilter.
        let literalIDs: [Int]?
        /// Texts one of which the folded text must start with; `nil`: not anchored.
        let prefixes: PrefixSet?
        /// Every match of the branch holds a `\d` (see `CompiledPattern.requiresDigit`): a
        /// branch needing a clock time is not run on a line without a digit.
        let requiresDigit: Bool
        /// The bytes the branch's text may end with (`EndingBytes`); `nil`: no such filter. A
        /// branch may end in `$` where its siblings do not, so the whole pattern has none.
        let endings: EndingBytes?
        /// Every match of the branch holds a `\n` (`RequiredLineBreak`).
        let requiresLineBreak: Bool
        /// The branch's other required words (`RequiredTexts`); `nil`: none.
        let requiredTexts: RequiredTexts?

        init(
            slot: Int, literalIDs: [Int]?, prefixes: PrefixSet?, requiresDigit: Bool = false, endings: EndingBytes? = nil,
            requiresLineBreak: Bool = false, requiredTexts: RequiredTexts? = nil
        ) {
            self.requiredTexts = requiredTexts
            self.slot = slot
            self.literalIDs = literalIDs
            self.prefixes = prefixes
            self.requiresDigit = requiresDigit
            self.endings = endings
            self.requiresLineBreak = requiresLineBreak
        }
    }

    /// Literal text a case-sensitive regex's match holds in the pattern's own case, filed under
    /// the id of its fold: a line whose folded text holds `kartoffel` but not `Kartoffel` is
    /// turned away before ICU runs (`AP` in an agency credit, not `ap` in `happy`).
    struct ExactLiteral: Sendable {
        let id: Int
        let variants: [[UInt8]]
    }

    let test: Test
    let input: RulePattern.Input
    let ignoreCase: Bool
    let maxLength: Int?
    let maxWords: Int?
    /// Ids (in the literal scanner for `input`) of which at least one must occur in the folded
    /// text; `nil` when there is no literal prefilter.
    let literalIDs: [Int]?
    /// Case-folded texts one of which the folded text must start with (anchored regexes).
    let prefixes: PrefixSet?
    /// Texts longer than this (in UTF-8 bytes of the compared form) cannot match.
    let maxBytes: Int?
    /// Every match of the regex holds a `\d`: a text without a digit is turned away before
    /// ICU runs (slide counters, dates and counts are common rules, digits rare in menus).
    let requiresDigit: Bool
    /// See `ExactLiteral`; `nil` when the pattern ignores case or has no literal prefilter.
    let exactLiterals: [ExactLiteral]?
    /// The bytes a regex's text may end with (`EndingBytes`); `nil`: no such filter.
    let endings: EndingBytes?
    /// Every match of the regex holds a `\n` (`RequiredLineBreak`): a one-line paragraph is
    /// turned away before its words are counted and ICU runs.
    let requiresLineBreak: Bool
    /// The regex's other required words (`RequiredTexts`); `nil`: none.
    let requiredTexts: RequiredTexts?

    init(
        test: Test, input: RulePattern.Input, ignoreCase: Bool, maxLength: Int?, maxWords: Int?, literalIDs: [Int]?,
        prefixes: PrefixSet?, maxBytes: Int?, requiresDigit: Bool, exactLiterals: [ExactLiteral]? = nil,
        endings: EndingBytes? = nil, requiresLineBreak: Bool = false, requiredTexts: RequiredTexts? = nil
    ) {
        self.requiredTexts = requiredTexts
        self.requiresLineBreak = requiresLineBreak
        self.test = test
        self.input = input
        self.ignoreCase = ignoreCase
        self.maxLength = maxLength
        self.maxWords = maxWords
        self.literalIDs = literalIDs
        self.prefixes = prefixes
        self.maxBytes = maxBytes
        self.requiresDigit = requiresDigit
        self.exactLiterals = exactLiterals
        self.endings = endings
    }

    /// Every literal id the pattern's gates look up: its own, its exact literals' and its
    /// branches'.
    var literalIDsRead: [Int] {
        var ids = (literalIDs ?? []) + (exactLiterals?.map { $0.id } ?? [])
        if case .regex(_, let branches) = test {
            for branch in branches { ids += branch.literalIDs ?? [] }
        }
        return ids
    }

    /// The case-folded phrases a whole line must equal (`equals`, `any-of`), for the phrase index.
    var wholeLinePhrases: [String]? {
        switch test {
        case .equals(let phrase): [String(decoding: phrase, as: UTF8.self)]
        case .anyOf(let phrases): Array(phrases)
        default: nil
        }
    }

    /// Whether the pattern may match a paragraph (its lines joined by `\n`) whose first line
    /// is `firstRaw` / `firstPlain`: `false` only when the anchored prefixes rule it out.
    ///
    /// Folding works scalar by scalar and a prefix without a line break cannot reach past the
    /// `\n` after the first line, so the first line's fold answers for the paragraph's, and
    /// the paragraph need not be joined and folded to be turned away.
    func mayMatchParagraph(firstRaw: String, firstPlain: String) -> Bool {
        guard let prefixes, !prefixes.containsLineBreak else { return true }
        return prefixes.isPrefix(of: MatchSubject.fold(input == .plain ? firstPlain : firstRaw))
    }

    /// Whether the pattern matches `subject`. `hit` tells whether a literal id occurred;
    /// The slot of the whole pattern's regex, for a regex rule (what `RegexBundle.firstMatch`
    /// runs to find where a caption's credit starts).
    var regexSlot: Int? {
        if case .regex(let slot, _) = test { return slot }
        return nil
    }

    /// `regex` runs an ICU regex slot on a text.
    ///
    /// - Parameters:
    ///   - literalFound: the caller knows one of `literalIDs` occurred (a line rule became a
    ///     candidate through one), so they are not looked through again: a pattern with
    ///     hundreds of alternatives asked `hit` for each until it met the one found.
    ///   - prefixFound: the caller knows the text starts with one of `prefixes`.
    func matches(
        _ subject: inout MatchSubject, literalFound: Bool = false, prefixFound: Bool = false, hit: (Int) -> Bool,
        regex: (Int, UnsafeRawBufferPointer) -> Bool
    ) -> Bool {
        let folded = subject.folded(input)
        let text = subject.text(input)
        // The gates are a conjunction, tried cheapest first: the length bounds compare counts
        // (a text of more than four bytes per allowed character is too long without counting).
        if let maxBytes, (ignoreCase ? folded.count : text.count) > maxBytes { return false }
        if requiresLineBreak, !MatchSubject.containsLineBreak(text) { return false }
        if let maxLength, text.count > maxLength {
            if text.count / 4 > maxLength || MatchSubject.scalarCount(text) > maxLength { return false }
        }
        if let maxWords, subject.wordCount(of: input) > maxWords { return false }
        if !literalFound, let literalIDs, !literalIDs.contains(where: hit) { return false }
        if !prefixFound, let prefixes, !prefixes.isPrefix(of: folded) { return false }
        switch test {
        case .equals(let phrase):
            return MatchSubject.equal(ignoreCase ? folded : text, phrase)
        case .prefix(let phrase):
            return MatchSubject.hasPrefix(ignoreCase ? folded : text, phrase)
        case .contains(let phrase):
            // The scanner already found the folded phrase; a case-sensitive rule checks again.
            return ignoreCase ? true : MatchSubject.contains(text, phrase)
        case .anyOf(let phrases):
            // A case-sensitive phrase compares as a `String` (canonical equivalence), as before;
            // the line may add trailing label punctuation the phrase lacks (`LabelPunctuation`).
            let line = ignoreCase ? folded : text
            if phrases.contains(String(decoding: line, as: UTF8.self)) { return true }
            let trimmed = LabelPunctuation.trimmed(line)
            return trimmed.count < line.count && phrases.contains(String(decoding: trimmed, as: UTF8.self))
        case .regex(let slot, let branches):
            if requiresDigit, !subject.mayHoldDigit(of: input) { return false }
            // Case folding maps scalar by scalar, so a variant the text holds has its fold in the
            // folded text, and that literal's id is a hit.
            if let exactLiterals, !Self.holdsExactLiteral(exactLiterals, text, hit: hit) { return false }
            if let endings, !endings.admits(text) { return false }
            if let requiredTexts, !requiredTexts.areHeld(in: folded) { return false }
            guard !branches.isEmpty else { return regex(slot, text) }
            for index in branches.indices {
                // Borrowed, not copied: `branches` holds the branch for the whole loop, and a
                // copy (and the bound literal ids and prefixes) retained on every try.
                let matched = Unmanaged.passUnretained(branches[index])._withUnsafeGuaranteedRef { branch in
                    if branch.literalIDs?.contains(where: hit) == false { return false }
                    if branch.prefixes?.isPrefix(of: folded) == false { return false }
                    if branch.requiresDigit, !subject.mayHoldDigit(of: input) { return false }
                    if branch.requiresLineBreak, !MatchSubject.containsLineBreak(text) { return false }
                    if branch.endings?.admits(text) == false { return false }
                    if branch.requiredTexts?.areHeld(in: folded) == false { return false }
                    return regex(branch.slot, text)
                }
                if matched { return true }
            }
            return false
        }
    }

    /// Whether `text` holds a variant of one of `literals` whose id is a hit. Read in place:
    /// `contains(where:)` copied each literal, retaining its variants, for every try.
    private static func holdsExactLiteral(
        _ literals: [ExactLiteral], _ text: UnsafeRawBufferPointer, hit: (Int) -> Bool
    ) -> Bool {
        literals.withUnsafeBufferPointer { literals in
            for index in literals.indices where hit(literals[index].id) {
                if literals[index].variants.contains(where: { MatchSubject.contains(text, $0) }) { return true }
            }
            return false
        }
    }
}
