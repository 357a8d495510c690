import Testing
import Winnow

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
        // FNV-1a 64 of "home" is 0x402D1BCC7E6F9D6E; fmix64 of it:
        #expect(StableHash.hash(Array("home".utf8)) == 0x5DAC_A2C1_6F67_1F37)
        let first = LineFingerprint.fingerprint(of: "• Home")?.hash
        #expect(first == StableHash.hash(Array("home".utf8)))
        #expect(StableHash.hash([UInt8]()) == StableHash.mix(0xCBF2_9CE4_8422_2325))
    }
}
