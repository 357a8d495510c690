import Testing
@testable import Winnow

/// Thai in TIS-620 / windows-874 is recognised (ICU's detection read it as GB18030), and the
/// double-byte CJK charsets, Cyrillic and Latin-1 are not taken for it.
@Suite struct ThaiLegacyCharsetTests {
    static let thai = """
        รัฐบาลไทยประกาศมาตรการเศรษฐกิจใหม่เมื่อวันพุธ เพื่อช่วยเหลือธุรกิจขนาดเล็ก 25 ราย

        ผู้ว่าราชการจังหวัดกล่าวว่า โครงการนี้จะเริ่มในเดือนหน้า และ [ข่าว](https://example.com/a) ต่อไป
        """

    /// Thai text in TIS-620: each Thai letter is its code point less U+0E00, plus 0xA0.
    static func tis620(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            scalar.value >= 0x0E01 && scalar.value <= 0x0E5B ? UInt8(scalar.value - 0x0E00 + 0xA0) : UInt8(scalar.value)
        }
    }

    static func bytes(hex: String) -> [UInt8] {
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            out.append(UInt8(hex[index..<next], radix: 16) ?? 0)
            index = next
        }
        return out
    }

    /// The same sentence three times, blank lines between, as a page repeats its kind of text.
    static func page(_ bytes: [UInt8]) -> [UInt8] {
        Array([bytes, bytes, bytes].joined(separator: [0x0A, 0x0A]))
    }

    @Test func thaiIsRecognisedAndDecoded() throws {
        let encoded = Self.tis620(Self.thai)
        #expect(encoded.withUnsafeBytes { ThaiLegacyCharset.matches($0) })
        let decoded = try InputDecoder().decode(encoded, path: "th.txt")
        #expect(decoded.notes.encoding == ThaiLegacyCharset.name)
        #expect(String(decoding: decoded.bytes, as: UTF8.self) == Self.thai)
    }

    @Test(arguments: [
        // EUC-KR, Big5, GB18030, Shift_JIS, windows-1251, windows-1252.
        "c7d1b1b920c1a4baceb4c220bcf6bfe4c0cf20bbf5b7cebfee20b0e6c1a620b4ebc3a5c0bb20b9dfc7a5c7dfb4d92e20c1a4baceb4c220b3bbb3e220bfb9bbeabec8c0bb20b8b6b7c3c7d220b9e6c4a7c0ccb4d92e",
        "a578c657ac46a9b2b667a454abc5a5acb773aabab867c0d9a8ebbf45a4e8aed7a141b977ad70a9faa67eb867c0d9a6a8aaf8b14eb77ca55ba7d6a143",
        "d6d0b9fad5feb8aed6dcc8fdd0fbb2bcc1cbd0c2b5c4beadbcc3b4ccbca4bcc6bbaea3acd4a4bcc6c3f7c4eabeadbcc3d4f6b3a4bdabbbe1bcd3bfeca1a3",
        "93fa967b82cc8ef1918a82cd9085976a93fa8141905682b582a28c6f8dcf91ce8df482f094ad955c82b582bd8142",
        "cff0e0e2e8f2e5ebfcf1f2e2ee20d0eef1f1e8e820e220f1f0e5e4f320eee1faffe2e8ebee20ee20edeee2fbf520ece5f0e0f520efeee4e4e5f0e6eae820fdeaeeedeeece8eae82e",
        "4469652042fc72676572206dfc7373656e2066fc722064696520476562fc6872656e206bfc6e66746967206d656872207a61686c656e2c207361677465206465722042fc726765726d6569737465722e",
    ])
    func otherCharsetsAreNotThai(hex: String) {
        let page = Self.page(Self.bytes(hex: hex))
        #expect(!page.withUnsafeBytes { ThaiLegacyCharset.matches($0) })
    }

    @Test func aFewThaiLettersSayTooLittle() {
        let encoded = Self.tis620("Visit ไทย today")
        #expect(!encoded.withUnsafeBytes { ThaiLegacyCharset.matches($0) })
    }
}
