import Testing
@testable import Winnow

/// The byte paths that stand in for string work in the heuristics (keyword sets, read-more
/// labels, weekday tokens, fingerprint counts) answer as the string code they replace.
@Suite struct ByteFastPathTests {
    static let samples = [
        "", " ", "Read more", "READ MORE »", "Read more…", "read more:", "Read More >", "Continue reading...",
        "Mehr", "mehr lesen", "Leer más", "LEER MÁS", "\u{212A}eep reading", "Readmore", "Read  more", "more",
        "More.", "Lire la suite", "Read the full article", "Read the full article now", "Full story ›", ".",
        "Monday, 4 June 2012", "monday 4 June", " ,Tuesday, June 5, 2012", "Mittwoch, 6. Juni 2012",
        "Sábado 9 junio 2012", "miércoles 6 junio", "Monday\u{301} 4 June", "Monday,\u{301} 4 June 2012",
        "\u{00A0}Monday 4 June 2012", "Fri 8 June", "Friday", "sexta-feira, 8 de junho", "Someday 4 June",
    ]

    @Test func keywordBytesMatchTheSet() {
        // Keywords of 31 bytes and more share one length bit: the bucket's walk tells them apart.
        let long = String(repeating: "x", count: 31)
        let longer = String(repeating: "x", count: 40)
        let words: Set<String> = ["comment", "comments", "reply", "комментарии", "répondre", "a", "ab", long, longer]
        let bytes = KeywordBytes(words)
        let probes = ["comment", "Comment", "comments", "comm", "reply", "replies", "комментарии", "répondre", "a", "ab", "abc", "b", ""]
            + [long, longer, long + "x", String(repeating: "x", count: 30), String(repeating: "x", count: 39), String(repeating: "y", count: 31)]
        for probe in probes {
            var probe = probe
            let found = probe.withUTF8 { bytes.contains(UnsafeRawBufferPointer($0)) }
            #expect(found == words.contains(probe), "\(probe)")
        }
    }

    @Test func readMoreLabelsAsTheStringTest() {
        for sample in Self.samples {
            var lowered = sample.lowercased()
            let label = lowered.withUTF8 { String(decoding: LabelPunctuation.trimmed(UnsafeRawBufferPointer($0)), as: UTF8.self) }
            #expect(TeaserBoundary.isReadMore(sample) == TeaserBoundary.phrases.contains(label), "\(sample)")
        }
    }

    @Test func weekdayTokensAsTheCharacterWalk() {
        for sample in Self.samples {
            var bytes = sample
            guard let fast = bytes.withUTF8({ PostDateHeader.asciiOpensWithWeekday(UnsafeRawBufferPointer($0)) }) else { continue }
            let isSeparator: (Character) -> Bool = { $0.isWhitespace || $0 == "," }
            let slow = sample.firstIndex { !isSeparator($0) }.map { start in
                PostDateHeader.weekdays.contains(sample[start...].prefix { !isSeparator($0) }.lowercased())
            } ?? false
            #expect(fast == slow, "\(sample)")
        }
    }

    @Test func fingerprintCountsAsADictionary() {
        let fingerprints = [3, 11, 3, 0, -5, 19, 3, 11, 0, 1 << 40, (1 << 40) + 3, 27, 35]
        var counts = FingerprintCounts(capacity: fingerprints.count)
        var expected: [Int: Int] = [:]
        for fingerprint in fingerprints {
            counts.add(fingerprint)
            expected[fingerprint, default: 0] += 1
        }
        for fingerprint in fingerprints + [4, 43, -1] {
            #expect(counts.count(of: fingerprint) == expected[fingerprint, default: 0])
        }
    }
}
