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

    /// Another script's digit starts with one of the lead bytes the test knows, so the line
    /// reaches ICU; other non-ASCII text does not.
    @Test func nonASCIIDigitsReachTheRegex() {
        #expect(MatchSubject.mayHoldDigit("Bild ٣ von ٩"))
        #expect(MatchSubject.mayHoldDigit("ページ ３"))
        #expect(MatchSubject.mayHoldDigit("1 of 6"))
        #expect(!MatchSubject.mayHoldDigit("Share on Facebook"))
        #expect(!MatchSubject.mayHoldDigit("• Accueil « Suivant » — ©"))
    }

    /// Every decimal digit of the Basic Multilingual Plane starts with a byte that
    /// `mayStartDigit` accepts (supplementary ones start with F0-F4, all accepted).
    @Test func everyBMPDigitLeadIsKnown() {
        for value in UInt32(0x80)...0xFFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory == .decimalNumber else { continue }
            let lead = Array(String(Character(scalar)).utf8)[0]
            #expect(MatchSubject.mayStartDigit(lead), "U+\(String(value, radix: 16, uppercase: true))")
        }
    }
}
