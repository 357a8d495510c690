import Testing
@testable import Winnow

@Suite struct LanguageModelTests {
    @Test func bundledModelLoadsWithItsLanguages() throws {
        let model = try #require(LanguageModel.bundled)
        let codes = Set(model.languages.map(\.code))
        #expect(codes.count >= 50)
        #expect(codes.isSuperset(of: ["en", "de", "ru", "ar", "hi", "mr", "af", "so"]))
        #expect(model.languages.allSatisfy { $0.family.isShared })
    }

    @Test func frequentWordsAreInTheModel() throws {
        let model = try #require(LanguageModel.bundled)
        var h = LanguageModelHash.offsetBasis
        for scalar in "the".unicodeScalars { h = LanguageModelHash.step(h, scalar.value) }
        let (pairs, count) = model.entries(for: LanguageModelHash.finish(h ^ LanguageModelHash.wordSalt))
        let english = try #require(model.languages.firstIndex { $0.code == "en" })
        #expect((0..<count).contains { Int(pairs[2 * $0]) == english })
    }

    @Test(arguments: [("A", "a"), ("É", "é"), ("İ", "i"), ("Ş", "ș"), ("ţ", "ț"), ("Ж", "ж"), ("Ё", "ё"), ("Σ", "σ"), ("ς", "σ"), ("Ə", "ə"), ("Ạ", "ạ")])
    func foldsCaseLikeTheTrainer(upper: String, lower: String) throws {
        let u = try #require(upper.unicodeScalars.first).value
        let l = try #require(lower.unicodeScalars.first).value
        #expect(LetterFolding.fold(u) == l)
    }

    @Test func skipsURLsButKeepsLinkText() {
        let text = "see [Accueil](http://example.com/x) www.example.org mail@example.com fin"
        var scalars: [UInt32] = []
        var copy = text
        copy.withUTF8 { bytes in
            var cursor = ScalarCursor(bytes)
            while let cp = cursor.next() { scalars.append(cp) }
        }
        #expect(String(String.UnicodeScalarView(scalars.compactMap(Unicode.Scalar.init))) == "see[Accueilfin")
    }
}

@Suite struct ScalarCursorTests {
    private static func isSpace(_ c: Character) -> Bool {
        c == " " || c == "\n" || c == "\t" || c == "\u{0B}" || c == "\u{0C}"
    }

    /// The scalars the cursor should return: those of the readable part of each chunk, by the
    /// rules documented on `ScalarCursor`, decoded by the standard library.
    private static func expected(_ text: String) -> [UInt32] {
        var out: [UInt32] = []
        for chunk in text.split(whereSeparator: { Self.isSpace($0) }) {
            // A link's text is read even when its target is a URL.
            if let cut = chunk.range(of: "](") {
                out += chunk[..<cut.lowerBound].unicodeScalars.map(\.value)
                continue
            }
            if chunk.contains("@") || chunk.contains("://") || chunk.lowercased().hasPrefix("www.") { continue }
            out += chunk.unicodeScalars.map(\.value)
        }
        return out
    }

    @Test(arguments: [
        "plain ascii words, with punctuation!", "Grüße aus Köln — naïve café", "Привет мир", "混合 text 日本語",
        "[link](http://x.y/z) after www.site.org and me@mail.com", "emoji 😀 chunk😀end ok", "  lead  and\ttrail\n",
        "a](b", "é](http://x)",
        // Chunks longer than the eight bytes the chunk scan reads at once, with the bytes it
        // looks for at every offset.
        "abcdefghijklmnop@q", "abcdefgh@ijklmnop", "abcdefghi:jklmnopq://r", "ratio:value of longword:colon",
        "verylongword](x) tail", "abcdefghijklmno](p)", "ééééééé:// x", "abc\u{1}defghijkl tail", "naïvetéétait@fin",
        "abcdefg]hijklmn(o) ok", "www.example.org.long wwwx.abcdefghij", "tabs\tbetween\u{0B}and\u{0C}feeds",
    ])
    func returnsTheReadableScalarsOfEachChunk(text: String) {
        var scalars: [UInt32] = []
        var chunkStarts = 0
        var copy = text
        copy.withUTF8 { bytes in
            var cursor = ScalarCursor(bytes)
            while let cp = cursor.next() {
                scalars.append(cp)
                if cursor.startsChunk { chunkStarts += 1 }
            }
        }
        #expect(scalars == Self.expected(text))
        let readableChunks = text.split(whereSeparator: { Self.isSpace($0) }).filter {
            !Self.expected(String($0)).isEmpty
        }
        #expect(chunkStarts == readableChunks.count)
    }
}
