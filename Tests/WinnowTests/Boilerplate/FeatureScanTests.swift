import CTextScan
import Testing
@testable import Winnow

/// The C kernels of the heuristics' feature extraction (`CTextScan/FeatureScan.c`) against the
/// Swift code they replaced: `winnow_feature_scan` through `FeatureExtractor.measure` (see
/// `FeatureExtractorFusedTests.reference`), `winnow_content_words` through
/// `TitleMatchHeuristic.forEachContentWord`.
@Suite struct FeatureScanTests {
    static let edgeLines: [String] = [
        "", " ", "a", "A", "'", "’", "don't", "don’t", "l'homme", "L’Homme", "rock-'n'-roll", "well-known",
        "state-of-the-art design", "e-mail", "x'", "'x", "’s", "a’", "ÀÉÎ été Über ß ŁÓDŹ", "Ѐ ѐ Ω ω Привет МИР",
        "ไทยภาษาไทย", "ภาษา test ไทย", "日本語のテキスト", "中文，标点。", "カタカナ", "ក្មែរ", "မြန်မာ", "བོད་ཡིག",
        String(repeating: "a", count: 16), String(repeating: "a", count: 17), String(repeating: "b", count: 64),
        String(repeating: "c", count: 65), String(repeating: "long", count: 400),
        String(repeating: "é", count: 40), "the and of THE And", "12:48 | 9:30 | 123:45", "—–…”«»©·\u{A0}😀",
        "\u{2019}\u{2019}", "[image]", "[Update: the council has since changed its mind about the bridge plans again.]",
        String(repeating: "word ", count: 700), String(repeating: "x", count: 1_300),
    ]

    @Test func measureMatchesTheReferenceOnEdgeLines() {
        let index = StopwordIndex.shared
        let extractor = FeatureExtractor(index: index)
        for text in Self.edgeLines {
            FeatureExtractorFusedTests.expectMeasuredLikeReference(text, extractor: extractor, index: index)
        }
    }

    /// Bytes that are not valid UTF-8 (a truncated sequence at the end, stray continuation
    /// bytes, 0xFF) are read within bounds; valid ones measure as the reference does.
    @Test func measureIsSafeOnAnyBytes() {
        let index = StopwordIndex.shared
        let extractor = FeatureExtractor(index: index)
        var random = SplitMix(state: 99)
        let samples: [[UInt8]] = [[0xE0], [0xE0, 0xB8], [0xC3], [0xF0, 0x9F, 0x98], [0x80, 0x80, 0x41], [0xFF, 0xFE, 0x61]]
            + (0..<500).map { _ in (0..<random.below(40)).map { _ in UInt8(truncatingIfNeeded: random.below(256)) } }
        for bytes in samples {
            bytes.withUnsafeBytes { line in
                var first = LineFeatures()
                var firstHits = [Int32](repeating: 0, count: index.languages.count)
                extractor.measure(line, row: 0, into: &first, hits: &firstHits)
                var again = LineFeatures()
                var againHits = [Int32](repeating: 0, count: index.languages.count)
                extractor.measure(line, row: 0, into: &again, hits: &againHits)
                #expect(first == again && firstHits == againHits, "\(bytes)")
                if String(validating: bytes, as: UTF8.self) != nil {
                    let expected = FeatureExtractorFusedTests.reference(line, index: index)
                    #expect(first == expected.0 && firstHits == expected.1, "\(bytes)")
                }
            }
        }
    }

    @Test func contentWordsMatchTheSwiftWalk() {
        let index = StopwordIndex.shared
        let slots: [UInt64?] = [nil] + ["en", "de", "fr", "ru", "th"].map { code in index.slot(of: code).map { UInt64(1) << UInt64($0) } }
        var random = SplitMix(state: 0xC0FFEE)
        var lines = Self.edgeLines
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<random.below(20) {
                text += FeatureExtractorFusedTests.pieces[random.below(FeatureExtractorFusedTests.pieces.count)]
            }
            lines.append(text)
        }
        for text in lines {
            for bit in slots {
                var kernel: [Int] = []
                TitleMatchHeuristic.forEachContentWord(text, index: index, stopwordBit: bit) { kernel.append($0) }
                var reference: [Int] = []
                Self.referenceContentWords(text, index: index, stopwordBit: bit) { reference.append($0) }
                #expect(kernel == reference, "\(text.debugDescription) \(String(describing: bit))")
            }
        }
    }

    /// A word of at most 8 bytes hashes to its bytes (so two short words collide only when
    /// equal); a longer one to its shape hash.
    @Test func wordHashPacksShortWords() {
        func hash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer { winnow_word_hash($0.baseAddress, Int64($0.count)) } }
        #expect(hash([0x61]) == 0x61)
        #expect(hash(Array("the".utf8)) == 0x65_6874)
        #expect(hash(Array("abcdefgh".utf8)) == 0x6867_6665_6463_6261)
        let long = Array("abcdefghi".utf8)
        #expect(hash(long) == long.withUnsafeBufferPointer { winnow_shape_hash($0.baseAddress, Int64($0.count)) })
        var random = SplitMix(state: 5)
        var seen: [UInt64: [UInt8]] = [:]
        for _ in 0..<20_000 {
            // Shape bytes are never 0: ASCII letters and digits, or non-ASCII bytes.
            let word = (0..<(1 + random.below(12))).map { _ in UInt8(truncatingIfNeeded: 0x30 + random.below(0xD0)) }
            let value = hash(word)
            if let other = seen[value] { #expect(other == word, "\(word) and \(other)") }
            seen[value] = word
        }
    }

    @Test func shapeHashIsAFunctionOfTheBytes() {
        let bytes: [UInt8] = Array("the quick brown fox jumps over".utf8)
        for length in 0...bytes.count {
            let a = bytes.withUnsafeBufferPointer { winnow_shape_hash($0.baseAddress, Int64(length)) }
            let copy = Array(bytes.prefix(length))
            let b = copy.withUnsafeBufferPointer { winnow_shape_hash($0.baseAddress, Int64(length)) }
            #expect(a == b)
            if length > 0 {
                let shorter = bytes.withUnsafeBufferPointer { winnow_shape_hash($0.baseAddress, Int64(length - 1)) }
                #expect(a != shorter)
            }
        }
    }

    /// The Swift walk `winnow_content_words` replaced (one lookup per word as it ends).
    static func referenceContentWords(
        _ text: String, index: StopwordIndex, stopwordBit: UInt64?, _ body: (Int) -> Void
    ) {
        var text = text
        // The word is hashed as it is folded; only words short enough to be stopwords keep
        // their folded bytes (for the lookup), in one scratch buffer per call.
        let capacity = max(index.maxLength, 1)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { scratch in
            text.withUTF8 { bytes in
                var hash = StopwordIndex.hashSeed
                var length = 0
                var digitsOnly = true
                // The first 16 folded bytes, packed for `StopwordIndex.shortMask`.
                var low: UInt64 = 0
                var high: UInt64 = 0
                func finish() {
                    defer {
                        hash = StopwordIndex.hashSeed
                        length = 0
                        digitsOnly = true
                        low = 0
                        high = 0
                    }
                    guard length > 0, !digitsOnly else { return }
                    let wordHash = StopwordIndex.finish(hash)
                    let mask = length > index.maxLength ? 0
                        : length <= StopwordIndex.shortLength ? index.shortMask(low: low, high: high, length: length)
                        : index.mask(of: UnsafeRawBufferPointer(start: scratch.baseAddress, count: length), hash: wordHash)
                    let isStopword = stopwordBit.map { mask & $0 != 0 } ?? (mask != 0)
                    // A short word is known by its packed bytes' hash, a longer one by its FNV-1a.
                    let contentHash = length <= StopwordIndex.shortLength
                        ? Int(truncatingIfNeeded: StopwordIndex.shortHash(low, high, length)) : wordHash
                    if !isStopword { body(contentHash) }
                }
                var position = 0
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == 0xE2, position + 2 < bytes.count, bytes[position + 1] == 0x80 || bytes[position + 1] == 0x81 {
                        finish()
                        position += 3
                        continue
                    }
                    let isDigit = byte >= 0x30 && byte <= 0x39
                    if byte >= 0x80 || isDigit || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A) {
                        let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                        hash = StopwordIndex.step(hash, folded)
                        if length < 8 {
                            low |= UInt64(folded) << UInt64(length &* 8)
                        } else if length < 16 {
                            high |= UInt64(folded) << UInt64((length &- 8) &* 8)
                        }
                        if length < capacity { scratch[length] = folded }
                        length += 1
                        if !isDigit { digitsOnly = false }
                    } else {
                        finish()
                    }
                    position += 1
                }
                finish()
            }
        }
    }
}
