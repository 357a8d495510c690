import Testing
@testable import Winnow

/// A schedule's times are no comment timestamps.
@Suite struct EventTimeTests {
    @Test func spansAndRanges() {
        for line in [
            "Afterparty im Club Veedel in Köln ab 23:00 Uhr", "Doors open from 7:30 pm", "Bar open until 22:00",
            "Concerto in piazza dalle 21:00", "Workshop 14:00–17:30", "Lunch 12:00 - 13:30", "Talks 9:00 to 12:30",
        ] {
            #expect(EventTime.isSchedule(line), "\(line)")
        }
    }

    @Test func bylinesAreNoSchedules() {
        for line in [
            "Mark on March 3, 2013 at 9:14 pm", "Anna 12:48", "heute, 14:05 Uhr", "Posted by: Andrew | Mar 26, 2007 2:00:18 PM",
            "Comment from Jo at 10:02",
        ] {
            #expect(!EventTime.isSchedule(line), "\(line)")
        }
    }

    @Test func timesInAToken() {
        #expect(EventTime.timeCount("23:00") == 1)
        #expect(EventTime.timeCount("2:00:18") == 1)
        #expect(EventTime.timeCount("14:00–17:30") == 2)
        #expect(EventTime.timeCount("1:5") == 0)
    }

    @Test func aTimetableIsNoCommentThread() {
        var line = LineFeatures()
        line.hasTimeOfDay = true
        line.words = 3
        let texts = ["Warm Up 11:00 Uhr", "Contest 12:00 Uhr", "Anna 12:48", "Great race, well done everyone"]
        var features = [line, line, line, LineFeatures()]
        features[3].words = 5
        var separators = [true, true, true, false]
        var reasons: [String?] = Array(repeating: CommentThreadHeuristic.bylineReason, count: 3) + [nil]
        // The first two share a paragraph; the third is a byline of its own.
        let paragraphs = [0, 0, 1, 2]
        Timetable.unmarkTimetables(
            separators: &separators, reasons: &reasons, features: features, paragraph: { paragraphs[$0] },
            text: { texts[$0] })
        #expect(separators == [false, false, true, false])
    }
}
