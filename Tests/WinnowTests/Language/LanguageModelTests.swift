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
