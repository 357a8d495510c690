import Testing
@testable import Winnow

/// The one-pass `FeatureExtractor.measure` gives exactly what the per-field computations give
/// (the stopword scanner's words and hits, then one byte pass per shape signal).
@Suite struct FeatureExtractorFusedTests {
    /// The fields of `LineFeatures` that `measure` sets, computed one at a time (the pass
    /// before it was fused).
    static func reference(_ line: UnsafeRawBufferPointer, index: StopwordIndex) -> (LineFeatures, [Int32]) {
        let scanner = WordScanner(index: index)
        var hits = [Int32](repeating: 0, count: index.languages.count)
        var features = LineFeatures()
        features.words = scanner.scan(line) { mask in
            var mask = mask
            while mask != 0 {
                hits[mask.trailingZeroBitCount] += 1
                mask &= mask - 1
            }
        }
        var leading: [String] = []
        var capitalised = 0
        var lettered = 0
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var wordStart = true
        var wordBegin = 0
        var wordHash: UInt64 = 0xcbf2_9ce4_8422_2325
        var hashes: [UInt64] = []
        let wantsLeading = line.count <= 160
        let wantsWordHashes = line.count <= 1_200
        for offset in 0..<line.count {
            let byte = line[offset]
            let isWordByte = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
            if isWordByte {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                hash = (hash ^ UInt64(lower)) &* 0x0000_0100_0000_01b3
                wordHash = (wordHash ^ UInt64(lower)) &* 0x0000_0100_0000_01b3
                if wordStart {
                    wordBegin = offset
                    if byte >= 0x41 && byte <= 0x5A {
                        capitalised += 1
                        lettered += 1
                    } else if byte >= 0x61 && byte <= 0x7A {
                        lettered += 1
                    }
                }
                wordStart = false
            } else {
                if !wordStart, wantsLeading, leading.count < 4 { leading.append(FeatureExtractor.loweredWord(line, wordBegin..<offset)) }
                if !wordStart, wantsWordHashes {
                    hashes.append(wordHash)
                    wordHash = 0xcbf2_9ce4_8422_2325
                }
                wordStart = true
            }
        }
        if !wordStart, wantsLeading, leading.count < 4 { leading.append(FeatureExtractor.loweredWord(line, wordBegin..<line.count)) }
        if !wordStart, wantsWordHashes { hashes.append(wordHash) }
        features.fingerprint = Int(truncatingIfNeeded: hash)
        features.leadingWords = leading
        features.letteredWords = lettered
        features.capitalisedShare = lettered == 0 ? 0 : Double(capitalised) / Double(lettered)
        features.hasTimeOfDay = FeatureExtractor.hasTimeOfDay(line)
        features.hasPipe = line.contains(UInt8(ascii: "|"))
        if features.hasPipe {
            features.pipes = line.count { $0 == UInt8(ascii: "|") }
            features.hasDigit = line.contains { $0 >= 0x30 && $0 <= 0x39 }
        }
        features.endsLikeSentence = FeatureExtractor.endsLikeSentence(line)
        features.repeatsPhrase = wantsWordHashes
            && CardTitleHeuristic.repeatsPhrase(hashes, endsLikeSentence: features.endsLikeSentence)
        features.endsWithColon = features.endsLikeSentence && FeatureExtractor.lastNonSpace(line) == UInt8(ascii: ":")
        features.isPlaceholder = line.count >= 2 && line.first == UInt8(ascii: "[") && line.last == UInt8(ascii: "]")
            && !FeatureExtractor.isBracketedSentence(line, words: features.words)
            || line.isEmpty
        return (features, hits)
    }

    /// Pieces that exercise every branch: stopwords in several languages and cases, in-word
    /// apostrophes, times of day, pipes, two- and three-byte capitals and punctuation, emoji,
    /// Thai and CJK (dictionary break), brackets and sentence endings.
    static let pieces: [String] = [
        " ", " ", " ", "the", "The", "THE", "and", "of", "der", "Die", "und", "le", "Les", "de", "el", "och", "и", "И",
        "не", "Не", "что", "Что", "της", "Της", "και", "że", "Że", "ÀÉÎ", "été", "Été", "über", "Über", "ß", "Ł", "ł",
        "don't", "l'homme", "'", "’", "don’t", "x’", "’s", "12:48", "1:23", "9:0", "123:45", "10:30pm", ":", "|", "||", "7",
        "2012", "[", "]", "](", "(", ")", ".", "!", "?", ";", "\"", "…", "”", "»", "«", "。", "！", "？", "—", "–", "©", "·",
        "\u{A0}", "😀", "ไทย", "ภาษา", "日本語", "中文", "カタカナ", "ក្មែរ", "A", "b", "Zz", "word", "Longerwordthanany",
        "supercalifragilisticexpialidociousandmorewordsthatneverendinanylanguage", "ĄĆĘ", "ąćę", "Ѐ", "ѐ", "Ω", "ω", "Ǆ", "ǅ",
        "\u{1E9E}", "İ", "ı", "\u{2019}", "a|b", "_", "*", "#", "-", "+", "•",
    ]

    @Test func fusedPassMatchesThePerFieldPasses() {
        var random = SplitMix(state: 0x5EED_F00D)
        let index = StopwordIndex.shared
        let extractor = FeatureExtractor(index: index)
        for round in 0..<6_000 {
            let length = round % 50 == 0 ? 200 + random.below(1_200) : random.below(24)
            var text = ""
            for _ in 0..<length { text += Self.pieces[random.below(Self.pieces.count)] }
            var (fused, fusedHits) = (LineFeatures(), [Int32](repeating: 0, count: index.languages.count))
            var utf8 = text
            let expected = utf8.withUTF8 { raw in
                let line = UnsafeRawBufferPointer(raw)
                extractor.measure(line, row: 0, into: &fused, hits: &fusedHits)
                return Self.reference(line, index: index)
            }
            #expect(fused == expected.0, "features of \(text.debugDescription)")
            #expect(fusedHits == expected.1, "stopword hits of \(text.debugDescription)")
            if fused != expected.0 || fusedHits != expected.1 { return }
        }
    }

    @Test func fusedPassOnEdgeLines() {
        let index = StopwordIndex.shared
        let extractor = FeatureExtractor(index: index)
        for text in ["", " ", "[]", "[image]", "12:48", "a:12", "Posted at 9:09 am | 3 comments", "Ça va? Où est-il?", "ไทยภาษา test"] {
            var fused = LineFeatures()
            var hits = [Int32](repeating: 0, count: index.languages.count)
            var utf8 = text
            let expected = utf8.withUTF8 { raw in
                let line = UnsafeRawBufferPointer(raw)
                extractor.measure(line, row: 0, into: &fused, hits: &hits)
                return Self.reference(line, index: index)
            }
            #expect(fused == expected.0, "features of \(text.debugDescription)")
            #expect(hits == expected.1, "stopword hits of \(text.debugDescription)")
        }
    }
}
