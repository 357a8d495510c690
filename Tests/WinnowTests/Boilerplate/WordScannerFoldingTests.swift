import Testing
@testable import Winnow

/// `WordScanner.scan` folds and hashes each word while it walks the line; these tests check it
/// against the word-by-word reference (`scanWordByWord`, each word through `lookup`) on random
/// lines of stopwords, capitals of several scripts, apostrophes, digits and long words.
@Suite struct WordScannerFoldingTests {
    private func masks(_ line: String, folding: Bool) -> (count: Int, masks: [UInt64]) {
        let scanner = WordScanner()
        var found: [UInt64] = []
        var text = line
        let count = text.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            return folding ? scanner.scan(raw) { found.append($0) } : scanner.scanWordByWord(raw) { found.append($0) }
        }
        return (count, found)
    }

    @Test func foldingScanMatchesTheWordByWordReference() {
        let pieces = [
            "the", "The", "THE", "and", "Und", "DER", "über", "Über", "été", "ÉTÉ", "и", "И", "Это", "ЭТО", "και", "Και",
            "ΚΑΙ", "łódź", "ŁÓDŹ", "Čeština", "ŽE", "don't", "DON'T", "l'homme", "don’t", "it’s", "42", "3:04", "a",
            "Ἀθῆναι", "ǅ", "Ω", "ſ", "İstanbul", "ß", "straße", "STRASSE", String(repeating: "x", count: 70),
            String(repeating: "é", count: 40), "—", "•", "«", "»", "©", "…", "(", ")", ",", ".", "!", "'", "’", "😀",
            "\u{A0}", "  ", "-", "—the—", "x’", "’x", "DEL", "del", "la", "LA", "ЖЕ", "Їжак", "ЁЛКА", "Ѐ", "Ђ",
        ]
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...12, using: &generator)
            var line = ""
            for _ in 0..<count {
                line += pieces.randomElement(using: &generator) ?? ""
                if Int.random(in: 0..<3, using: &generator) > 0 { line += " " }
            }
            let folding = masks(line, folding: true)
            let reference = masks(line, folding: false)
            #expect(folding.count == reference.count, "\(line)")
            #expect(folding.masks == reference.masks, "\(line)")
        }
    }

    @Test func stopwordsAreFoundWhateverTheirCase() {
        let lower = masks("the und и και", folding: true).masks
        #expect(lower.allSatisfy { $0 != 0 })
        #expect(masks("THE UND И ΚΑΙ", folding: true).masks == lower)
    }
}
