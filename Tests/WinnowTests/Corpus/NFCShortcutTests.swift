import CICU
import Testing

@testable import Winnow

/// `LineFingerprinter` skips ICU's NFC check for lines whose only code points from U+0300 on
/// are basic Cyrillic (U+0400–U+047F). That is exact only if each of them passes the quick
/// check on its own and has combining class 0 (so no order of them can fail it).
@Suite struct NFCShortcutTests {
    static func isNFC(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { winnow_icu_is_nfc($0.baseAddress, Int64($0.count)) == 1 }
    }

    @Test func basicCyrillicIsAlwaysNFC() {
        // The probe works: a class-230 mark after U+035D fails.
        #expect(Self.isNFC("a\u{035D}") && !Self.isNFC("a\u{035D}\u{0483}"))
        for value in UInt32(0x400)...0x47F {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let c = String(Character(scalar))
            #expect(Self.isNFC(c), "U+\(String(value, radix: 16))")
            #expect(Self.isNFC("x" + c + c + "é"), "U+\(String(value, radix: 16))")
            // After U+035D (combining class 234; higher classes are U+0345 alone) a character
            // with a lower non-zero class fails the check: only class 0 passes.
            #expect(Self.isNFC("a\u{035D}" + c), "U+\(String(value, radix: 16))")
        }
    }

    @Test func shortcutAndReferenceAgreeOnCyrillicLines() {
        let scalars = (UInt32(0x400)...0x47F).compactMap(Unicode.Scalar.init)
        var lines: [String] = []
        for start in stride(from: 0, to: scalars.count, by: 7) {
            let piece = String(String.UnicodeScalarView(scalars[start..<min(start + 11, scalars.count)]))
            lines.append(piece)
            lines.append("Москва " + piece + " ÀÉ 12")
        }
        // Combining marks after Cyrillic letters still go through ICU (and compose).
        lines += ["Е\u{0308}лка", "И\u{0306} и\u{0306}", "ѐлка е\u{0300}лка", "Ѷ \u{0474}\u{030F}", "д\u{0483}д", "ก่ Москва"]
        for line in lines {
            #expect(LineFingerprinterTests.bytePath(line) == LineFingerprinterTests.reference(line), "\(line.debugDescription)")
        }
        #expect(LineFingerprinterTests.bytePath("Е\u{0308}лка") == LineFingerprinterTests.bytePath("Ёлка"))
    }

    @Test func wordTestFindsEveryRelevantLead() {
        for byte in UInt8(0x80)...0xFF {
            for position in 0..<8 {
                let word = UInt64(byte) << (8 * UInt64(position)) | 0x4141_4141_4141_4141 & ~(0xFF << (8 * UInt64(position)))
                let expected = byte >= 0xCC && byte != 0xD0 && byte != 0xD1
                #expect(LineFingerprinter.hasNFCRelevantLead(word) == expected, "\(byte) at \(position)")
                // Next to D0 and D1 bytes.
                let mixed = word & ~(0xFF << (8 * UInt64((position + 1) % 8))) | 0xD0 << (8 * UInt64((position + 1) % 8))
                #expect(LineFingerprinter.hasNFCRelevantLead(mixed) == expected, "\(byte) at \(position) by D0")
            }
        }
    }

    /// The Thai shortcut never says "NFC" where ICU's check does not: every pair of Thai code
    /// points, marks in threes, after Latin and Cyrillic.
    @Test func thaiShortcutNeverDisagreesWithICU() {
        let thai = (UInt32(0xE00)...0xE7F).compactMap(Unicode.Scalar.init).map { String(Character($0)) }
        let marks = ["\u{0E31}", "\u{0E38}", "\u{0E39}", "\u{0E3A}", "\u{0E48}", "\u{0E49}", "\u{0E4B}", "\u{0E47}"]
        var cases: [String] = []
        for a in thai { for b in thai { cases.append(a + b) } }
        for a in marks { for b in marks { for c in marks { cases += ["ก" + a + b + c, "Дa" + a + b + "x" + c] } } }
        var shortcutTaken = 0
        for text in cases {
            var copy = text
            let certain = copy.withUTF8 { Normalizer.isCertainlyNFCWithoutICU(UnsafeRawBufferPointer($0)) }
            if certain {
                shortcutTaken += 1
                #expect(Self.isNFC(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
        #expect(shortcutTaken > cases.count / 2)
        // Marks out of order are left to ICU.
        var outOfOrder = "ก\u{0E48}\u{0E38}"
        #expect(!outOfOrder.withUTF8 { Normalizer.isCertainlyNFCWithoutICU(UnsafeRawBufferPointer($0)) })
    }

    /// Every code point of the Basic Multilingual Plane the shortcut accepts is NFC on its own
    /// and, Thai marks aside, of combining class 0 (ICU's check passes after U+035D).
    @Test func everyAcceptedCodePointIsNFCWithClassZero() {
        let thaiMarks: Set<UInt32> = [0xE38, 0xE39, 0xE3A, 0xE48, 0xE49, 0xE4A, 0xE4B]
        var accepted = 0
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            var text = String(Character(scalar))
            guard text.withUTF8({ Normalizer.isCertainlyNFCWithoutICU(UnsafeRawBufferPointer($0)) }) else { continue }
            accepted += 1
            #expect(Self.isNFC(text), "U+\(String(value, radix: 16))")
            if !thaiMarks.contains(value) { #expect(Self.isNFC("a\u{035D}" + text), "U+\(String(value, radix: 16))") }
        }
        #expect(accepted > 1000)
    }
}
