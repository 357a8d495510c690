import Testing
import Winnow

@Suite struct ICUTests {
    @Test func thaiWordsAreSegmentedByDictionary() throws {
        let breaker = try TextBreaker()
        let words = breaker.words("คล้ายว่าเข้าใจ ไม่รู้ทำไมถึงทำไม่ได้").map(String.init)
        #expect(words == ["คล้าย", "ว่า", "เข้าใจ", "ไม่รู้", "ทำไม", "ถึง", "ทำ", "ไม่", "ได้"])
        #expect(breaker.wordCount("Hello, world! 42") == 3)
    }

    @Test func scriptsAreNamed() {
        let names = ["a", "Ж", "中", "ก", "١", "1"].map { Script(of: $0.unicodeScalars.first!).shortName }
        #expect(names == ["Latn", "Cyrl", "Hani", "Thai", "Arab", "Zyyy"])
        #expect(Script(of: "ก").code == Script.thai.code)
        #expect(Script(of: "ä").code == Script.latin.code)
    }

    @Test func normalisationAndCaseFolding() {
        #expect(Normalizer.nfc("e\u{301}") == "é")
        #expect(Normalizer.foldCase("Straße") == "strasse")
        #expect(Normalizer.foldCase("HELLO") == "hello")
    }

    @Test func regexFindsUTF8Ranges() throws {
        let regex = try ICURegex("•\\s*\\d+ likes", options: [.caseInsensitive])
        let text = "é • 7836 LIKES (2863/hr)"
        let range = try #require(try regex.firstMatch(in: text))
        #expect(range == 3..<17)
        #expect(throws: ICURegex.Failure.self) { try ICURegex("(unclosed") }
    }

    @Test func catastrophicRegexHitsTheTimeLimit() throws {
        let regex = try ICURegex("(a+)+$", timeLimit: 5)
        let text = String(repeating: "a", count: 40) + "!"
        #expect(throws: ICURegex.Failure.self) { try regex.firstMatch(in: text) }
    }
}
