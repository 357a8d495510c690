import CICU
import Testing

@testable import Winnow

/// The sixteen-byte step of `Normalizer.isCertainlyNFCWithoutICU` must keep it exact: on text
/// made only of the characters the shortcut accepts it agrees with ICU's check, wherever the
/// Thai marks fall relative to the steps.
@Suite struct NFCChunkTests {
    static func icuSaysNFC(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { winnow_icu_is_nfc($0.baseAddress, Int64($0.count)) == 1 }
    }

    static let pieces: [String] = [
        "a", " ", "word ", "é", "ж", "ก", "ข", "\u{0E38}", "\u{0E39}", "\u{0E3A}", "\u{0E48}", "\u{0E49}",
        "\u{0E4B}", "\u{0E31}", "\u{0E47}", "\u{0E4C}", "Москва", "ภาษาไทย", "ǅ", "\u{02FF}",
    ]

    @Test func agreesWithICUOnAcceptedCharacters() {
        var generator = SystemRandomNumberGenerator()
        var rejected = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<Int.random(in: 1...40, using: &generator) {
                text += Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &generator)]
            }
            let bytes = Array(text.utf8)
            let shortcut = bytes.withUnsafeBytes { Normalizer.isCertainlyNFCWithoutICU($0) }
            let icu = Self.icuSaysNFC(bytes)
            #expect(shortcut == icu, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
            if !icu { rejected += 1 }
        }
        #expect(rejected > 100)
    }

    @Test func findsADescendingPairAtEveryOffset() {
        for offset in 0..<40 {
            for pair in ["\u{0E48}\u{0E38}", "\u{0E38}\u{0E3A}", "\u{0E4B}\u{0E3A}", "\u{0E49}\u{0E39}"] {
                let text = String(repeating: "a", count: offset) + "ก" + pair + String(repeating: "ข", count: 12)
                let bytes = Array(text.utf8)
                #expect(!bytes.withUnsafeBytes { Normalizer.isCertainlyNFCWithoutICU($0) }, "\(offset)")
            }
        }
    }

    /// The sixteen-byte step accepts common punctuation and symbols (U+2000…U+2FFF in part):
    /// whatever it accepts at any offset, ICU must call NFC, and it must refuse U+2000/U+2001.
    @Test func punctuationAtEveryOffsetAgreesWithICU() {
        for value in UInt32(0x2000)...0x2FFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for offset in [0, 1, 5, 14, 15, 16] {
                let text = String(repeating: "a", count: offset) + String(Character(scalar)) + String(repeating: "ข", count: 10)
                let bytes = Array(text.utf8)
                if bytes.withUnsafeBytes({ Normalizer.isCertainlyNFCWithoutICU($0) }) {
                    #expect(Self.icuSaysNFC(bytes), "U+\(String(value, radix: 16)) at \(offset)")
                }
            }
        }
        for text in ["\u{2000} and more words here to fill", "words before \u{2001} and after it too"] {
            #expect(!Array(text.utf8).withUnsafeBytes { Normalizer.isCertainlyNFCWithoutICU($0) })
        }
    }
}
