import Testing
@testable import Winnow

@Suite struct LineFingerprintTests {
    @Test func markupCaseDigitsAndSpacingDoNotMatter() {
        let variants = [
            "• Home", "* [Home](http://example.com/?ref=1)", "HOME", "  home  ", "## Home", "**Home**",
        ]
        let hashes = Set(variants.map { LineFingerprint.fingerprint(of: $0)?.hash })
        #expect(hashes.count == 1)
        #expect(LineFingerprint.normalised("Copyright © 2012  Example   Inc.") == LineFingerprint.normalised("copyright © 2013 example inc."))
        #expect(LineFingerprint.normalised("• 7836 likes (2863/hr)") == "0 likes (0/hr)")
    }

    @Test func unicodeCaseIsFolded() {
        #expect(LineFingerprint.normalised("STRASSE Ελλάδα") == LineFingerprint.normalised("straße ελλάδα"))
        #expect(LineFingerprint.normalised("Todos os Direitos Reservados") == "todos os direitos reservados")
    }

    @Test func differentLinesDiffer() {
        let a = LineFingerprint.fingerprint(of: "Follow us on Twitter")
        let b = LineFingerprint.fingerprint(of: "Follow us on Facebook")
        #expect(a != nil && b != nil && a != b)
    }

    @Test func emptyAfterNormalisingHasNoFingerprint() {
        #expect(LineFingerprint.fingerprint(of: "![](http://example.com/a.png)") == nil)
        #expect(LineFingerprint.fingerprint(of: "   ") == nil)
    }

    @Test func hashIsStableAcrossRunsAndMachines() {
        // Pinned: a change here invalidates every profile on disk, so it must come with a
        // LineFingerprint.version bump.
        #expect(StableHash.hash(Array("home".utf8)) == 0x5DAC_A2C1_6F67_1F37)  // FNV-1a 64 + fmix64
        #expect(StableHash.hashWords(Array("home".utf8)) == 0x0242_F19A_34E6_FB92)
        #expect(StableHash.hashWords(Array("follow us on twitter".utf8)) == 0x13AE_0803_7CAA_8B5D)
        #expect(LineFingerprint.fingerprint(of: "• Home")?.hash == 0x0242_F19A_34E6_FB92)
        #expect(LineFingerprint.fingerprint(of: "* [Follow us](http://t.co/x) on Twitter")?.hash == 0x13AE_0803_7CAA_8B5D)
    }

    /// The word-at-a-time path must give exactly what a plain reading of the rules gives.
    @Test func fastPathMatchesAReferenceNormaliser() {
        func reference(_ text: String) -> String {
            let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
            return tokens.map { token -> String in
                var out = ""
                var inDigits = false
                for character in token.lowercased() {
                    if character.isASCII && character.isNumber {
                        if !inDigits { out.append("0") }
                        inDigits = true
                    } else {
                        out.append(character)
                        inDigits = false
                    }
                }
                return out
            }.joined(separator: " ")
        }
        let alphabet = Array("aZ 9\t.Mq  x1-y(") + ["é", "Д", "ก", "ж", "Ж", "ё", "中", "ä", "Ä", "—", "━", "→", "★"]
        var random = SplitMix(state: 42)
        for _ in 0..<3000 {
            let length = random.below(40)
            let text = String((0..<length).map { _ in alphabet[random.below(alphabet.count)] })
            // Markup-free text: plainText leaves it alone apart from list markers, which the
            // alphabet cannot form at the start ("- " is not in it) except for a leading `★`
            // (a bullet glyph, tested with the markup).
            let start = text.drop(while: { $0 == " " || $0 == "\t" })
            guard !start.hasPrefix("-") && !start.hasPrefix("★") else { continue }
            #expect(LineFingerprint.normalised(text) == reference(text), "\(text.debugDescription)")
        }
    }

    /// The byte table passes `E2 xx yy` characters through unfolded only where ICU's case
    /// folding leaves every one of them alone.
    @Test func caselessE2RangesAgreeWithICU() {
        var changed: [String] = []
        for second in UInt8(0x80)...0xBF where LineFingerprint.isCaselessE2(second) {
            for third in UInt8(0x80)...0xBF {
                let text = String(decoding: [0xE2, second, third], as: UTF8.self)
                if Array(Normalizer.foldCase(text).utf8) != Array(text.utf8) { changed.append(text) }
            }
        }
        #expect(changed.isEmpty, "\(changed)")
    }

    /// Long runs of scripts without case are copied eight bytes at a time; what follows them is
    /// still folded.
    @Test func longRunsWithoutCaseAreKeptAndWhatFollowsIsFolded() {
        let thai = "ภาษาไทยข่าววันนี้ภาษาไทย"
        #expect(LineFingerprint.normalised("\(thai) 12 \(thai)É Ж\(thai)ΣA") == "\(thai) 0 \(thai)é ж\(thai)σa")
        #expect(LineFingerprint.normalised("中文新闻中文新闻中文新闻 ÀB") == "中文新闻中文新闻中文新闻 àb")
        for cut in 0..<thai.utf8.count {
            // Every starting offset inside the run.
            let text = String(repeating: "x", count: cut % 8) + thai + "Q"
            #expect(LineFingerprint.normalised(text) == String(repeating: "x", count: cut % 8) + thai + "q")
        }
    }
}
