import Testing
@testable import Winnow

/// A running time on a video card or a race result is no comment's timestamp.
@Suite struct DurationLabelTests {
    static func isLabel(_ text: String) -> Bool {
        DurationLabel.isLabel(text, words: text.split(separator: " ").count)
    }

    @Test func runningTimesAreLabels() {
        #expect(Self.isLabel("• Watch: Flooding hits the coast 2:14"))
        #expect(Self.isLabel("[grey] 01:30 Meet the winner of the contest"))
        #expect(Self.isLabel("1. Tsegaye Kebede - 2:04:38"))
        // Words that introduce a time elsewhere in a title do not make it a clock time.
        #expect(Self.isLabel("▶ The city council approved a new plan 2:14"))
        #expect(Self.isLabel("Watch: Fans at the cup final 0:58"))
    }

    @Test func clockTimesStayTimestamps() {
        #expect(!Self.isLabel("Anna 12:48"))  // too few words to be a card
        #expect(!Self.isLabel("Mark on March 3, 2013 at 9:14 pm"))  // a date
        #expect(!Self.isLabel("Jo Smith wrote at 9:14"))  // "at"
        #expect(!Self.isLabel("Ann Lee said today 14:05"))
        #expect(!Self.isLabel("Kommentar von Anna heute 14:05 Uhr"))
        #expect(!Self.isLabel("Posted by Sam Reed 9:14 p.m."))
    }
}
