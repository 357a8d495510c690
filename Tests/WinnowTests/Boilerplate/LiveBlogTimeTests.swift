import Testing
@testable import Winnow

/// A live blog's entry time is a time alone on its line.
@Suite struct LiveBlogTimeTests {
    @Test func timesAlone() {
        for line in ["10:32", "10:32 GMT", "9.15am", "9:15 a.m.", "14:05 Uhr", "  7:28 PM ET"] {
            #expect(LiveBlogTime.isTimeOnly(line), "\(line)")
        }
    }

    @Test func linesWithMoreAreNot() {
        for line in ["Mark 10:32", "10:32 Police arrive", "12 March 2024 10:32", "10:321", "1:5", "2:04:38", ""] {
            #expect(!LiveBlogTime.isTimeOnly(line), "\(line)")
        }
    }
}
