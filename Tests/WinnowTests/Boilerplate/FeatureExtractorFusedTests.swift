import CTextScan
import Testing
@testable import Winnow

/// The one-pass `FeatureExtractor.measure` gives exactly what the per-field computations give
/// (the stopword scanner's words and hits, then one byte pass per shape signal).
@Suite struct FeatureExtractorFusedTests {
    /// Checks that `extractor.measure` gives `text` the features and stopword hits of
    /// `reference`; `false` when it does not.
    @discardableResult
    static func expectMeasuredLikeReference(
        _ text: String, extractor: FeatureExtractor, index: StopwordIndex, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Bool {
        var features = LineFeatures()
        var hits = [Int32](repeating: 0, count: index.languages.count)
        var utf8 = text
        let expected = utf8.withUTF8 { raw in
            let line = UnsafeRawBufferPointer(raw)
            extractor.measure(line, row: 0, into: &features, hits: &hits)
            return reference(line, index: index)
        }
        #expect(features == expected.0, "features of \(text.debugDescription)", sourceLocation: sourceLocation)
        #expect(hits == expected.1, "stopword hits of \(text.debugDescription)", sourceLocation: sourceLocation)
        return features == expected.0 && hits == expected.1
    }

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
        var shapeBytes: [UInt8] = []
        var wordStart = true
        var wordBegin = 0
        var wordBytes: [UInt8] = []
        var hashes: [UInt64] = []
        func shapeHash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer { winnow_shape_hash($0.baseAddress, Int64($0.count)) } }
        func wordHash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer { winnow_word_hash($0.baseAddress, Int64($0.count)) } }
        let wantsLeading = line.count <= 160
        let wantsWordHashes = line.count <= 1_200
        for offset in 0..<line.count {
            let byte = line[offset]
            let isWordByte = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
            if isWordByte {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                shapeBytes.append(lower)
                wordBytes.append(lower)
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
                if !wordStart, wantsWordHashes { hashes.append(wordHash(wordBytes)) }
                wordBytes.removeAll()
                wordStart = true
            }
        }
        if !wordStart, wantsLeading, leading.count < 4 { leading.append(FeatureExtractor.loweredWord(line, wordBegin..<line.count)) }
        if !wordStart, wantsWordHashes { hashes.append(wordHash(wordBytes)) }
        features.fingerprint = Int(truncatingIfNeeded: shapeHash(shapeBytes))
        features.leadingWords = LeadingWords(leading)
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
            guard Self.expectMeasuredLikeReference(text, extractor: extractor, index: index) else { return }
        }
    }

    @Test func fusedPassOnEdgeLines() {
        let index = StopwordIndex.shared
        let extractor = FeatureExtractor(index: index)
        for text in ["", " ", "[]", "[image]", "12:48", "a:12", "Posted at 9:09 am | 3 comments", "Ça va? Où est-il?", "ไทยภาษา test"] {
            Self.expectMeasuredLikeReference(text, extractor: extractor, index: index)
        }
    }

    /// The packed lookup of short words gives the byte lookup's mask for every stopword of
    /// every list, and for random words of up to 16 bytes.
    @Test func shortMaskMatchesTheByteLookup() {
        let index = StopwordIndex.shared
        func check(_ word: String) -> Bool {
            var word = word
            return word.withUTF8 { raw in
                let bytes = UnsafeRawBufferPointer(raw)
                guard (1...StopwordIndex.shortLength).contains(bytes.count) else { return true }
                let (low, high) = StopwordIndex.pack(bytes)
                return index.shortMask(low: low, high: high, length: bytes.count) == index.mask(of: bytes)
            }
        }
        var checked = 0
        for code in index.languages {
            for word in StopwordLists.generated[code]?.split(separator: " ") ?? [] {
                #expect(check(String(word)), "\(code): \(word)")
                checked += 1
            }
        }
        #expect(checked > 10_000)
        var random = SplitMix(state: 42)
        for _ in 0..<20_000 {
            var word = ""
            for _ in 0..<(1 + random.below(4)) { word += Self.pieces[random.below(Self.pieces.count)] }
            #expect(check(word.lowercased()), "\(word)")
        }
    }

    /// The pass that stops at markup stops exactly when `hasInlineMarkup` says the line has
    /// some, and otherwise measures what the plain pass measures.
    @Test func stopsExactlyAtInlineMarkup() {
        let index = StopwordIndex.shared
        let extractor = FeatureExtractor(index: index)
        let markup = ["*", "_", "`", "\\", "#", ">", "!", "[", "]", "](", "(x)", "* ", "- ", "+ ", "• ", "  ", "[3]", "[12]", "[12345]", "[123456]", "<", "<http://a.example>"]
        var random = SplitMix(state: 7)
        var stopped = 0
        for _ in 0..<4_000 {
            var text = ""
            for _ in 0..<random.below(12) {
                text += random.below(3) == 0 ? markup[random.below(markup.count)] : Self.pieces[random.below(Self.pieces.count)]
            }
            var utf8 = text
            utf8.withUTF8 { raw in
                let line = UnsafeRawBufferPointer(raw)
                let body = FeatureExtractor.droppingListMarker(line)
                let markerIsMarkup = body.count < line.count && line[0] == UInt8(ascii: "*")
                var features = LineFeatures()
                var hits = [Int32](repeating: 0, count: index.languages.count)
                let completed = extractor.measure(body, row: 0, into: &features, hits: &hits, stoppingAtMarkupOf: line)
                #expect(FeatureExtractor.hasInlineMarkup(line) == (markerIsMarkup || !completed), "\(text.debugDescription)")
                if completed {
                    let (expected, expectedHits) = Self.reference(body, index: index)
                    #expect(features == expected && hits == expectedHits, "\(text.debugDescription)")
                } else {
                    stopped += 1
                    #expect(features == LineFeatures() && hits.allSatisfy { $0 == 0 }, "\(text.debugDescription)")
                }
            }
        }
        #expect(stopped > 500)
    }
}
