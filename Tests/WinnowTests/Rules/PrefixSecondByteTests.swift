import Testing
@testable import Winnow

/// `PrefixSet.bytesAfter` filters the anchored rules a line tries by its second byte; it may
/// only let too much through: whenever `isPrefix` holds, the text's second byte is allowed.
@Suite struct PrefixSecondByteTests {
    private func allows(_ set: PrefixSet, _ text: [UInt8]) -> Bool {
        guard text.count >= 2 else { return true }
        let words = set.bytesAfter(text[0])
        return words[Int(text[1]) >> 6] & (1 << UInt64(text[1] & 63)) != 0
    }

    @Test func theSecondByteFilterNeverTurnsAwayAMatch() {
        var generator = SplitMix(state: 0xB17E)
        // Letters, spaces, digits, a non-ASCII lead and trail, and the two markers.
        let alphabet: [UInt8] = Array("ab 1\t".utf8) + [0xC3, 0xA9, RequiredLiterals.spaceRun, RequiredLiterals.digit]
        let textAlphabet: [UInt8] = Array("ab 1\t9".utf8) + [0xC3, 0xA9, 0xD9]
        var matched = 0
        for _ in 0..<400 {
            let prefixes = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
                generator.bytes(from: alphabet, count: 1...4)
            }
            let set = PrefixSet(prefixes)
            for _ in 0..<60 {
                let text = generator.bytes(from: textAlphabet, count: 0...6)
                if set.isPrefix(of: text) {
                    matched += 1
                    #expect(allows(set, text), "prefixes \(prefixes) text \(text)")
                }
            }
        }
        #expect(matched > 1_000)
    }

    @Test func aPlainPrefixAllowsOnlyItsSecondByte() {
        let set = PrefixSet([Array("next".utf8), Array("nav".utf8)])
        #expect(allows(set, Array("next page".utf8)))
        #expect(allows(set, Array("navigate".utf8)))
        #expect(!allows(set, Array("none".utf8)))
        let short = PrefixSet([Array("n".utf8)])
        #expect(allows(short, Array("none".utf8)))
    }
}
