import Testing
@testable import Winnow

/// `LeadingWords` keeps what the keyword heuristics read of a line's first words: every
/// answer it gives is the one the words themselves give, for words up to and beyond
/// `wordCapacity`.
@Suite struct LeadingWordsTests {
    static let words = [
        "comments", "comments…", "comments»", "43", "0", "home", "you", "are", "here", "комментариев", "комментариев…",
        "hozzászólások", String(repeating: "a", count: 24), String(repeating: "a", count: 25),
        String(repeating: "7", count: 30), "comments" + String(repeating: "…", count: 6),
        "comments" + String(repeating: "…", count: 9), "日本語" + String(repeating: "中", count: 10), "über»",
        String(repeating: "é", count: 12) + "»", String(repeating: "é", count: 13) + "»»",
    ]

    @Test func answersAsTheWordsDo() {
        var random = SplitMix(state: 0x1EAD_0001)
        for _ in 0..<2_000 {
            let count = 1 + random.below(5)
            let words = (0..<count).map { _ in Self.words[random.below(Self.words.count)] }
            let leading = LeadingWords(words)
            #expect(leading.count == min(count, LeadingWords.capacity))
            for (index, word) in words.prefix(LeadingWords.capacity).enumerated() {
                #expect(leading.firstByte(index) == word.utf8.first)
                #expect(leading.isNumber(index) == word.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 })
                #expect(leading.word(index) == (word.utf8.count <= LeadingWords.wordCapacity ? word : nil))
                let trimmed = CommentThreadHeuristic.droppingTrailingPunctuation(word)
                #expect(leading.trimmedWord(index) == (trimmed.utf8.count <= LeadingWords.wordCapacity ? trimmed : nil))
            }
            #expect(leading.starts(with: words.prefix(2).map { Array($0.utf8) }) == words.prefix(2).allSatisfy { $0.utf8.count <= 24 })
            for (index, word) in words.prefix(LeadingWords.capacity).enumerated() {
                #expect(leading.isWord(index, Array(word.utf8)) == (word.utf8.count <= LeadingWords.wordCapacity))
                #expect(!leading.isWord(index, Array((word + "s").utf8)))
            }
        }
    }

    /// Every keyword the heuristics compare a leading word with fits `wordCapacity`.
    @Test func keywordsFit() {
        let keywords = Array(CommentThreadHeuristic.headingWords) + CommentThreadHeuristic.headingPhrases.flatMap { $0.split(separator: " ").map(String.init) }
            + Array(CountedCommentHeading.countedWords) + Array(BreadcrumbAnchorHeuristic.rootWords)
            + BreadcrumbAnchorHeuristic.hereOpeners.flatMap { $0 } + ["thoughts", "responses"] + Array(CommentThreadHeuristic.countWords)
        for keyword in keywords { #expect(keyword.utf8.count <= LeadingWords.wordCapacity, "\(keyword)") }
        #expect(BreadcrumbAnchorHeuristic.hereOpeners.allSatisfy { $0.count <= LeadingWords.capacity })
    }
}

/// The comment-heading test reads ASCII words as bytes and others as strings: on random
/// leading words it answers as the string test over `[String]` did.
@Suite struct SeparatorReasonBytesTests {
    /// `separatorReason`'s word tests as they were on an array of strings.
    static func reference(_ words: [String], total: Int) -> String? {
        var words = words[...]
        if let first = words.first, first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { words = words.dropFirst() }
        // A count word opens a heading of two or three words.
        else if let first = words.first, (2...3).contains(total), CommentThreadHeuristic.countWords.contains(first) {
            words = words.dropFirst()
        }
        guard let rawFirst = words.first else { return nil }
        let first = CommentThreadHeuristic.droppingTrailingPunctuation(rawFirst)
        if !first.isEmpty, CommentThreadHeuristic.headingWords.contains(first) { return CommentThreadHeuristic.headingReason }
        if words.count >= 2 {
            let second = CommentThreadHeuristic.droppingTrailingPunctuation(words[words.startIndex + 1])
            if !first.isEmpty, CommentThreadHeuristic.headingPhrases.contains(first + " " + second) {
                return CommentThreadHeuristic.formReason
            }
            if second == "thoughts" || second == "responses" { return CommentThreadHeuristic.secondWordReason }
        }
        return nil
    }

    @Test func answersAsTheStringTest() {
        let pool = Array(CommentThreadHeuristic.headingWords) + CommentThreadHeuristic.headingPhrases.flatMap { $0.split(separator: " ").map(String.init) }
            + ["thoughts", "responses", "thoughts…", "comments»", "12", "7", "the", "a", "a…", "leave", "reply", "replies!", "x", "é", "…",
               "commentsx", "comment", "reactions", String(repeating: "r", count: 30), "комментарии»", "répondre", "no", "keine", "one"]
        var random = SplitMix(state: 0x5E9A_0001)
        let t = HeuristicThresholds(mode: .balanced)
        for _ in 0..<5_000 {
            let words = (0..<(1 + random.below(4))).map { _ in pool[random.below(pool.count)] }
            var line = LineFeatures()
            line.words = words.count
            line.leadingWords = LeadingWords(words)
            let expected = Self.reference(Array(words.prefix(LeadingWords.capacity)), total: words.count)
            #expect(CommentThreadHeuristic.separatorReason(line, t) == expected, "\(words)")
        }
    }
}
