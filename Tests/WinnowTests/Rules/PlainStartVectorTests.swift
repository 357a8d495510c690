import Testing
@testable import Winnow

/// `MatchSubject.plainStart` looks for markup sixteen bytes at a time; it answers as the
/// byte-by-byte walk on lines of every length, markup anywhere in them.
@Suite struct PlainStartVectorTests {
    static let pieces = [
        "a", "word", " ", " ", "  ", "[", "]", "*", "_", "`", "\\", "!", "\t", "#", ">", "-", "+", "•", "· ", "* ", "- ", "+ ",
        "é", "日本", "—", "(", ")", ".", "0", "\u{A0}", "https://x.org/a_b", "](", "x ", " y",
    ]

    @Test func answersAsTheByteWalk() {
        var random = SplitMix(state: 0x91A1_0001)
        for round in 0..<30_000 {
            var text = ""
            let pieces = round % 10 == 0 ? 40 + random.below(40) : random.below(24)
            for _ in 0..<pieces { text += Self.pieces[random.below(Self.pieces.count)] }
            var utf8 = text
            utf8.withUTF8 { raw in
                let bytes = UnsafeRawBufferPointer(raw)
                #expect(MatchSubject.plainStart(bytes) == MatchSubject.plainStartByByte(bytes), "\(text.debugDescription)")
            }
        }
    }
}

/// `MatchSubject.wordCount` counts sixteen bytes at a time; it answers as the byte walk.
@Suite struct WordCountVectorTests {
    @Test func answersAsTheByteWalk() {
        var random = SplitMix(state: 0x3C0_0001)
        let pieces = ["a", "word", " ", "  ", "\t", "\n", "é", "日本", "-", ".", "x y", "\r"]
        for _ in 0..<30_000 {
            var text = ""
            for _ in 0..<random.below(60) { text += pieces[random.below(pieces.count)] }
            var utf8 = text
            utf8.withUTF8 { raw in
                let bytes = UnsafeRawBufferPointer(raw)
                #expect(MatchSubject.wordCount(bytes) == MatchSubject.wordCountByByte(bytes), "\(text.debugDescription)")
            }
        }
    }
}
