import CICU
import Testing

@testable import Winnow

/// The profile pass fingerprints lines from raw bytes (`LineFingerprinter`); `clean --profile`
/// fingerprints the text of the segmenter's blocks (`LineFingerprint.fingerprint(of:)`). A
/// profile is only useful when the two agree on every line, so they are compared here.
@Suite struct LineFingerprinterTests {
    /// What `RepeatedLineStage` looks up for each line of `text`: the segmenter's blocks,
    /// fingerprinted as strings.
    static func reference(_ text: String) -> [UInt64] {
        Segmenter().blocks(from: text).compactMap { LineFingerprint.fingerprint(of: $0.text)?.hash }
    }

    static func bytePath(_ text: String) -> [UInt64] {
        var fingerprinter = LineFingerprinter()
        var hashes: [UInt64] = []
        var text = text
        text.withUTF8 { fingerprinter.appendHashes(of: UnsafeRawBufferPointer($0), to: &hashes) }
        return hashes
    }

    static let lines: [String] = [
        "Home", "HOME", "  home  ", "Follow us on Twitter", "Copyright © 2012  Example   Inc.",
        "• 7836 likes (2863/hr)", "* [Home](/x)", "* [Home](http://example.com/?ref=1)", "## Home ##", "> quoted *text*",
        "**Bold** and _emphasis_ and `code`", "![](http://example.com/a.png)", "![alt](a.png) caption", "\\[not a link\\]",
        "[a [nested] link](http://x.com/a_(b)) after", "snake_case and 5*3", "1. Mix the flour", "- item", "+ item", "· item",
        "tab\tseparated\t\tcolumns", "\tindented with a tab", "trailing tab\t", "no\u{00A0}break\u{00A0}\u{00A0}space\u{00A0}",
        "\u{00A0}\u{00A0}leading nbsp", "digits 123 456 7,890.12 and 2024-11-25", "12345678901234567890",
        "Ünïcödé ÀÉÎÕÜ Çà et là", "Straße STRASSE", "Ελλάδα ΕΛΛΆΔΑ ελληνικά Σοφία ΣΟΦΊΑ", "Ǆemal Łódź Ğüzel İstanbul",
        "Москва МОСКВА Ёлка ёлка", "Ծովային Հայաստան", "ქართული ᲥᲐᲠᲗᲣᲚᲘ", "ภาษาไทย ข่าววันนี้ 12 ธันวาคม",
        "中文新闻 2024年11月25日", "日本語のニュース ｶﾀｶﾅ ＦＵＬＬＷＩＤＴＨ", "한국어 뉴스", "العربية الأخبار", "עברית חדשות",
        "हिन्दी समाचार", "Ω Å K ﬁ ℌ", "e\u{0301}te\u{0301} cafe\u{0301}", "A\u{030A}ngstro\u{0308}m", "\u{1100}\u{1161}\u{11A8}",
        "ค\u{0E48}\u{0E38}", "emoji 👍🏽 and 𝐁𝐨𝐥𝐝 𐐀", "control\u{0001}chars\u{007F}here\u{0085}", "\u{00AD}soft hyphen",
        "a  b   c    d", " ", "\t", "#", "*", "* ", "• ", "[](x)", "x" + String(repeating: " word", count: 200),
        String(repeating: "Ab1 ", count: 100), String(repeating: "É", count: 300), "mixed ASCII then Ǳ at the end",
        "Ａｂｃ fullwidth", "ꙮ Cyrillic ext", "Ꭰ Cherokee ꭰ", "ǅ titlecase", "ß at start", "ﬀ ligature",
        "~~  ~~", "**_", "~~__", "* * *", "](https://example.com/a \"title\") rest of the line", "[Title of a wrapped link",
        "[Title](https://wrapped-url?part=", "~strike~ and  double", "]", "a]b", "^caret^",
    ]

    @Test func everyLineGetsTheSameFingerprintOnBothPaths() {
        for line in Self.lines {
            #expect(Self.bytePath(line) == Self.reference(line), "\(line.debugDescription)")
        }
    }

    @Test func wholeDocumentsWithEveryLineEndingAgree() {
        let document = Self.lines.joined(separator: "\n")
        #expect(Self.bytePath(document) == Self.reference(document))
        let crlf = Self.lines.joined(separator: "\r\n") + "\r\n"
        #expect(Self.bytePath(crlf) == Self.reference(crlf))
        let cr = Self.lines.joined(separator: "\r") + "\r\r\n\n"
        #expect(Self.bytePath(cr) == Self.reference(cr))
    }

    @Test func nfdInputMatchesItsNFCForm() {
        let composed = "Café Ölmühle Ελλάδα"
        let decomposed = "Cafe\u{0301} O\u{0308}lmu\u{0308}hle Ελλα\u{0301}δα"
        #expect(Self.bytePath(decomposed) == Self.reference(decomposed))
        #expect(Self.bytePath(decomposed) == Self.bytePath(composed))
    }

    /// Random lines built from pieces that exercise every branch: markup, spacing, digits,
    /// controls, scripts with and without case, combining marks.
    @Test func randomLinesAgree() {
        let pieces = [
            "a", "Z", " ", "  ", "\t", "9", "12", ".", "*", "_", "`", "[", "](/x)", "[link](http://e.com/a)", "![i](p.png)",
            "\\", "#", "> ", "• ", "é", "É", "ß", "Σ", "ς", "Д", "Ё", "Ǆ", "ก", "\u{0E48}", "中", "ｶ", "Ａ", "\u{0301}",
            "\u{0308}", "\u{00A0}", "\u{0001}", "\u{0085}", "\u{007F}", "İ", "ﬁ", "Ω", "👍", "\r", "\n", "\r\n",
            "~", "~~", "]", "](", "(", ")", "\"", "!", "__", "**", "- ", "## ", "](https://x.com/a \"t\") ", "[cut](http://x",
        ]
        var random = SplitMix(state: 7)
        for _ in 0..<2000 {
            let text = (0..<random.below(24)).map { _ in pieces[random.below(pieces.count)] }.joined()
            #expect(Self.bytePath(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    /// The byte-level NFC check may say "ask ICU" too often, never "NFC" for a text that is not.
    @Test func quickNFCCheckIsNeverWrong() {
        func certainlyNFC(_ text: String) -> Bool {
            var text = text
            return text.withUTF8 { Normalizer.isCertainlyNFC(UnsafeRawBufferPointer($0)) }
        }
        for text in ["Ελλάδα Москва ภาษาไทย ข่าววันนี้ ค\u{0E38}\u{0E48} 中文 한국어 • “quoted” — Ünïcödé", "plain ascii"] {
            #expect(certainlyNFC(text), "\(text.debugDescription)")
        }
        for text in ["e\u{0301}", "ค\u{0E48}\u{0E38}", "\u{2126}", "\u{212B}", "\u{1100}\u{1161}", "か\u{3099}", "a\u{0334}\u{0301}"] {
            #expect(!certainlyNFC(text), "\(text.debugDescription)")
        }
        let pieces = [
            "a", " ", "é", "e", "\u{0301}", "\u{0334}", "\u{0327}", "ก", "\u{0E48}", "\u{0E38}", "\u{0E3A}", "\u{0E31}",
            "\u{0E33}", "中", "가", "\u{1100}", "\u{1161}", "\u{11A8}", "か", "\u{3099}", "Ω", "\u{2126}", "Å", "\u{212B}",
            "•", "—", "Д", "ά", "\u{0344}", "\u{0958}", "\u{05B0}", "\u{05B8}", "\u{0651}", "\u{064E}", "\u{0F73}", "\u{1B35}",
        ]
        var random = SplitMix(state: 11)
        for _ in 0..<5000 {
            let text = (0..<random.below(7)).map { _ in pieces[random.below(pieces.count)] }.joined()
            if certainlyNFC(text) { #expect(Array(Normalizer.nfc(text).utf8) == Array(text.utf8), "\(text.unicodeScalars.map { String($0.value, radix: 16) })") }
        }
    }

    /// Inputs that are not UTF-8 are decoded exactly as `clean` decodes them (the same
    /// `InputDecoder`), so the profile pass sees the same lines: Latin-1, UTF-16 with a BOM,
    /// damaged UTF-8, CRLF.
    @Test func nonUTF8InputsGiveTheFingerprintsOfCleansBlocks() throws {
        let text = String(repeating: "Café du marché — Été à Zürich\r\nÉTOILE DU NORD, 12 rue de la Paix\r\n\r\n", count: 20)
        let latin1: [UInt8] = text.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "-") }
        let utf16: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let damaged: [UInt8] = Array(text.utf8) + [0xFF, 0x41, 0x0A]
        let builder = DocumentBuilder()
        let worker = FingerprintWorker(builder: builder, siteKey: .none)
        for bytes in [latin1, utf16, damaged, Array(text.utf8)] {
            let document = try builder.document(fromText: bytes, id: "x", path: "x")
            let expected = Set(document.blocks.compactMap { LineFingerprint.fingerprint(of: $0.text)?.hash }).sorted()
            let output = worker.process([.text(source: SourceFile(path: nil, label: "x", id: "x"), bytes: bytes)])
            #expect(output.documents.first?.fingerprints == expected)
            #expect(output.documents.first?.site == SiteKey.allSite)
            #expect(output.bytesIn == bytes.count)
        }
    }
}
