import Testing
@testable import Winnow

/// A blogger's sign-off under the last paragraph is the post's; the walk stops after it.
@Suite struct SignOffTests {
    @Test func closingFormulasWithOrWithoutAName() {
        #expect(SignOff.isSignOff("x Franzi"))
        #expect(SignOff.isSignOff("XX, Die Redaktion"))
        #expect(SignOff.isSignOff("Liebe Grüße, Anna"))
        #expect(SignOff.isSignOff("Sei herzlich gegrüßt"))
        #expect(SignOff.isSignOff("Cheers,"))
        #expect(SignOff.isSignOff("Bisous !"))
        #expect(SignOff.isSignOff("Love, Anna & Tom"))
    }

    @Test func ordinaryWordsAreNotSignOffs() {
        #expect(!SignOff.isSignOff("Love Island"))
        #expect(!SignOff.isSignOff("Best Buy"))
        #expect(!SignOff.isSignOff("Cheers for the new stadium"))
        #expect(!SignOff.isSignOff("x marks the spot"))
        #expect(!SignOff.isSignOff("Liebe Grüße an alle Leserinnen und Leser der Seite"))
    }

    @Test func namesUnderAFormula() {
        #expect(SignOff.isName("-Scott"))
        #expect(SignOff.isName("Kurt Vonnegut"))
        #expect(!SignOff.isName("Palm Springs Mini (links) vs. Palm Springs PM (rechts)"))
        #expect(!SignOff.isName("read more"))
    }

    static let post = [
        "Also was mache ich jetzt mit dem Rucksack? Verkaufen, behalten oder im Schrank verstecken und meine Freude daran haben, wenn ich ihn ab und zu ansehe?",
        "Ich habe lange hin und her überlegt, und am Ende bin ich froh, dass ich mich für den kleineren entschieden habe, weil er einfach besser zu mir passt.",
    ]

    @Test func tailWalkTakesTheSignOffAndStops() throws {
        let text = (Self.post + ["Ich wünsche euch allen einen schönen Sonntag <3", "x Franzi", "Palm Springs Mini (links) vs. Palm Springs PM (rechts)"])
            .joined(separator: "\n\n")
        let kept = try BoilerplateTestSupport.keptTexts(text)
        #expect(kept.contains("x Franzi"))
        #expect(kept.contains("Ich wünsche euch allen einen schönen Sonntag <3"))
        #expect(!kept.contains("Palm Springs Mini (links) vs. Palm Springs PM (rechts)"))
    }
}
