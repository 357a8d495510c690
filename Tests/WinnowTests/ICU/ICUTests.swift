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

    /// Text made only of NFC-stable code points skips ICU; everything else must still be
    /// normalised, including marks after a stable-looking letter and composition exclusions.
    @Test(arguments: [
        ("• “Quoted” — 東京 กรุงเทพ Привет", "• “Quoted” — 東京 กรุงเทพ Привет"),
        ("e\u{301}té • ok", "été • ok"),
        ("\u{1100}\u{1161} jamo", "가 jamo"),
        ("\u{0958} qa", "\u{0915}\u{093C} qa"),
        ("a\u{0323}\u{0302}", "\u{1EAD}"),
        ("x\u{0302}\u{0323}", "x\u{0323}\u{0302}"),
        ("ที่นี่ ผู้ใหญ่ ญี่ปุ่น", "ที่นี่ ผู้ใหญ่ ญี่ปุ่น"),
        ("\u{0E19}\u{0E48}\u{0E38}", "\u{0E19}\u{0E38}\u{0E48}"),
        ("Ω ohm \u{2126}", "Ω ohm \u{03A9}"),
        ("𝄞 music", "𝄞 music"),
    ])
    func nfcFastPathAgreesWithICU(input: String, expected: String) {
        #expect(Normalizer.nfc(input) == expected)
    }

    @Test func regexFindsUTF8Ranges() throws {
        let regex = try ICURegex("•\\s*\\d+ likes", options: [.caseInsensitive])
        let text = "é • 7836 LIKES (2863/hr)"
        let range = try #require(try regex.firstMatch(in: text))
        #expect(range == 3..<17)
        #expect(throws: ICURegex.Failure.self) { try ICURegex("(unclosed") }
    }

    /// The widened (UTF-16) search agrees with the UTF-8 one: ASCII, two-, three- and four-byte
    /// characters before and inside the match, the empty text, anchors, a lookbehind.
    @Test func widenedSearchAgreesWithUTF8Search() throws {
        let patterns = ["•\\s*\\d+ likes", "^é\\b", "(?<!\\bto )reply$", "\\p{Lu}\\w+ 😀", "x*y", "\\Aa.c\\z"]
        let texts = [
            "", "é • 7836 LIKES (2863/hr)", "é", "éa", "go to reply", "we reply", "Ärger 😀", "ab 😀 Ärger 😀",
            "a😀c", "abc", "y", "ő•12 likes",
        ]
        let scratch = UnsafeMutablePointer<UInt16>.allocate(capacity: 64)
        defer { scratch.deallocate() }
        for pattern in patterns {
            let regex = try ICURegex(pattern, options: [.caseInsensitive])
            for text in texts {
                var bytes = text
                let widened = try bytes.withUTF8 { try regex.contains(UnsafeRawBufferPointer($0), scratch: scratch) }
                #expect(widened == (try regex.firstMatch(in: text) != nil), "/\(pattern)/ on \(text)")
            }
        }
    }

    @Test func catastrophicRegexHitsTheTimeLimit() throws {
        let regex = try ICURegex("(a+)+$", timeLimit: 5)
        let text = String(repeating: "a", count: 40) + "!"
        #expect(throws: ICURegex.Failure.self) { try regex.firstMatch(in: text) }
        let scratch = UnsafeMutablePointer<UInt16>.allocate(capacity: text.utf8.count)
        defer { scratch.deallocate() }
        var bytes = text
        #expect(throws: ICURegex.Failure.self) {
            try bytes.withUTF8 { try regex.contains(UnsafeRawBufferPointer($0), scratch: scratch) }
        }
    }

    /// Each worker matches with a copy: the copy once lost the limit and a user's rule that
    /// passed the load-time probes (`^(é+)+$`) hung the run on a line of 60 `é`.
    @Test func aCopyKeepsTheTimeLimit() throws {
        let copy = try ICURegex("(a+)+$", timeLimit: 5).copy()
        let text = String(repeating: "a", count: 40) + "!"
        #expect(throws: ICURegex.Failure.self) { try copy.firstMatch(in: text) }
    }
}
