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
}
