/// Tells Baltic text in windows-1257 from Western text in windows-1252 or Latin-1, which ICU's
/// charset detection does not: it has no windows-1257, and read Lithuanian and Latvian pages as
/// windows-1252, turning š, ž, ė, ų into ð, þ, ë, ø.
///
/// Both charsets put letters at the same bytes, so no byte pattern decides. The bytes that are
/// š and ž in windows-1257 are ð and þ in windows-1252, letters only Icelandic and Faroese use;
/// a page with one of them is decoded both ways, and windows-1257 is taken when its reading
/// is Lithuanian, Latvian or Estonian and the Western one is Baltic too (with ð and þ, which no
/// Baltic language writes), undetermined or less confident. Icelandic stays windows-1252.
enum BalticLegacyCharset {
    static let name = "windows-1257"

    /// The charsets ICU names for such a page.
    static let westernGuesses: Set<String> = [
        "ISO-8859-1", "windows-1252", "ISO-8859-9", "windows-1254", "ISO-8859-2", "windows-1250",
    ]
    static let balticLanguages: Set<String> = ["lt", "lv", "et"]
    /// Whether `bytes` has a byte that is š, ž, Š or Ž in windows-1257 (ð, þ, Ð, Þ in
    /// windows-1252): worth decoding twice; the language detector decides.
    static func isCandidate(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.contains { $0 == 0xF0 || $0 == 0xFE || $0 == 0xD0 || $0 == 0xDE }
    }

    /// Whether the windows-1257 reading is Baltic and reads better than the Western one.
    static func prefersBaltic(baltic: String, western: String, detector: LanguageDetector) -> Bool {
        let balticGuess = detector.detect(sample(baltic))
        guard balticLanguages.contains(balticGuess.code) else { return false }
        let westernGuess = detector.detect(sample(western))
        // The Western reading of a Baltic page is still read as Baltic (most of its letters
        // are ASCII), but no Baltic language writes ð or þ: that reading is the mangled one.
        return balticLanguages.contains(westernGuess.code) || westernGuess.isUndetermined
            || balticGuess.confidence > westernGuess.confidence
    }

    /// The first few thousand characters: enough to judge, and a huge page costs no more.
    private static func sample(_ text: String) -> String {
        String(text.prefix(4000))
    }
}
