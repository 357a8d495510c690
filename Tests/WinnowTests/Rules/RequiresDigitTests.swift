import Testing

@testable import Winnow

/// `RequiredLiterals.requiresDigit` says a regex cannot match a text without a digit only when
/// every way through it holds a `\d`; the rule matcher then skips ICU on digit-free lines.
@Suite struct RequiresDigitTests {
    @Test(arguments: [
        #"^\d{1,3}\s*/\s*\d{1,3}$"#,
        #"(?:page|seite)\s+\d+"#,
        #"(?:\d+ comments?|\d+ likes?)"#,
        #"(?i)^(?:photo\s+)?\d"#,
    ])
    func digitIsRequired(_ pattern: String) {
        #expect(RequiredLiterals.requiresDigit(regex: pattern))
    }

    @Test(arguments: [
        #"^share on \w+$"#,
        #"\d*\s*comments"#,
        #"(?:\d+ comments|no comments)"#,
        #"[\d,]+ views"#,
        #"(?<=\d)px"#,
        #"(?x) \d # a digit"#,
        #"(\d+"#,
    ])
    func digitIsNotRequired(_ pattern: String) {
        #expect(!RequiredLiterals.requiresDigit(regex: pattern))
    }

    /// Another script's digit is non-ASCII, so the byte test lets it through to ICU.
    @Test func nonASCIIDigitsReachTheRegex() {
        #expect(MatchSubject.mayHoldDigit("Bild ٣ von ٩"))
        #expect(MatchSubject.mayHoldDigit("1 of 6"))
        #expect(!MatchSubject.mayHoldDigit("Share on Facebook"))
    }
}
