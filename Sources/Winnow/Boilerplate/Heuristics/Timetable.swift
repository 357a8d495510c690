/// A run of short lines in one paragraph, each with a clock time and no date: a timetable
/// ("Warm Up 11:00 Uhr" / "Contest 12:00 Uhr" / "Siegerehrung 18:30 Uhr"), not comment bylines.
///
/// A comment's timestamped byline is followed by the comment; an event's programme lists its
/// times line under line. Taken for bylines, a programme in the middle of an announcement
/// ended the article there, as a comment thread.
///
/// Source: trafilatura's test pages (a contest announcement's timetable); `EventTime` for a
/// time a span word introduces.
enum Timetable {
    /// The fewest lines of a timetable.
    static let minimumLines = 2
    /// The most words of one of its lines.
    static let maximumWords = 12

    /// Unmarks the comment bylines (`CommentThreadHeuristic.bylineReason`) that are lines of a
    /// timetable.
    static func unmarkTimetables(
        separators: inout [Bool], reasons: inout [String?], features: [LineFeatures], paragraph: (Int) -> Int,
        text: (Int) -> String
    ) {
        func isEntry(_ index: Int) -> Bool {
            features[index].hasTimeOfDay && features[index].words <= maximumWords
                && !DatedBylineHeuristic.containsDate(text(index))
        }
        var start = 0
        let count = features.count
        while start < count {
            guard separators[start], reasons[start] == CommentThreadHeuristic.bylineReason else {
                start += 1
                continue
            }
            // The run of timed lines around this byline, within its paragraph.
            var first = start
            while first > 0, paragraph(first - 1) == paragraph(start), features[first - 1].hasTimeOfDay { first -= 1 }
            var end = start + 1
            while end < count, paragraph(end) == paragraph(start), features[end].hasTimeOfDay { end += 1 }
            if end - first >= minimumLines, (first..<end).allSatisfy(isEntry) {
                for index in first..<end where reasons[index] == CommentThreadHeuristic.bylineReason {
                    CommentThreadHeuristic.unmark(index, separators: &separators, reasons: &reasons)
                }
            }
            start = end
        }
    }
}
