import Testing
@testable import Winnow

/// Finding paragraphs hard-wrapped at a fixed width.
@Suite struct WrappedProseTests {
    static func runs(_ text: String) -> [Range<Int>] {
        WrappedProse.runs(of: Segmenter().blocks(from: text))
    }

    static let wrapped = """
        The coastal road was closed on Tuesday after the storm washed sand and
        stones over the tarmac, and the council said it would stay shut for the
        rest of the week while crews clear it. Residents were told to use the
        inland route.

        The old bridge, which is more than a hundred years old, will close for
        repairs as soon as the new one opens, and it will then be used only by
        walkers and cyclists.
        """

    @Test func wrappedParagraphsAreRuns() {
        #expect(Self.runs(Self.wrapped) == [0..<4, 4..<7])
    }

    @Test func unwrappedPageHasNoRuns() {
        // The same text with one line per paragraph, and lines a wrapper could have broken.
        let unwrapped = Self.wrapped.split(separator: "\n\n").map { $0.replacingOccurrences(of: "\n", with: " ") }
            .joined(separator: "\n\n")
        #expect(Self.runs(unwrapped).isEmpty)
        // Long breakable lines beside the wrapped-looking ones: the page was not wrapped.
        let mixed = Self.wrapped + "\n\n" + Array(repeating: unwrapped, count: 3).joined(separator: "\n\n")
        #expect(Self.runs(mixed).isEmpty)
    }

    @Test func menuColumnIsNotWrapped() {
        let menu = """
            Home
            News and weather for the valley
            Sport
            Contact the editors of this site
            About us
            """
        #expect(Self.runs(menu).isEmpty)
        #expect(Self.runs(Self.wrapped + "\n\n" + menu) == [0..<4, 4..<7])
    }

    @Test func lineEndingFarFromTheWidthEndsTheRun() {
        // "Residents" would have fitted after "the council said so.": a new line, not a wrap.
        let text = """
            The coastal road was closed on Tuesday after the storm washed sand and
            stones over the tarmac, the council said so.
            Residents were told to use the inland route, which adds twenty minutes
            to the drive into town for most of the people who live along the bay.
            """
        #expect(Self.runs(text) == [0..<2, 2..<4])
    }

    @Test func columnsCountWideCharactersTwice() {
        let (columns, firstWord) = "日本語 text".utf8.withContiguousStorageIfAvailable {
            WrappedProse.measure(UnsafeRawBufferPointer($0))
        } ?? (0, 0)
        #expect(columns == 11)
        #expect(firstWord == 6)
        let (accented, _) = "Fähre e\u{301}".utf8.withContiguousStorageIfAvailable {
            WrappedProse.measure(UnsafeRawBufferPointer($0))
        } ?? (0, 0)
        #expect(accented == 7)
    }

    /// A few lines a little wider than the wrap (an indented quote, a long word) make a wider
    /// width a candidate; the width that explains the most breaks wins.
    @Test func theWidthThatExplainsTheBreaksWins() {
        let wrapped = """
            The ferry service will run four crossings a day from next month after
            the council review found that the first and the last boats carried
            fewer than twenty passengers on most weekdays during the winter and
            that the savings could pay for repairs to the north pier this year.

            Residents said they had not been asked about the change and that the
            early boat was the only way to reach the mainland for work on time,
            and the community association will ask the council to keep it going.

            A public meeting is planned for next Thursday evening in the town
            hall, where the transport committee will answer questions from the
            residents of the island about the timetable and the pier repairs.
            """
        let wide = "    Quoted: the ferry is the lifeline of the island for everybody here,\n    and we want it to stay that way all year round, said the chairman."
        let blocks = Segmenter().blocks(from: wrapped + "\n\n" + wide + "\n" + wide + "\n")
        let runs = WrappedProse.runs(of: blocks)
        #expect(runs.first == 0..<4)
        #expect(runs.count >= 3)
    }

    /// The counted widths are the filtered widths sorted widest first.
    @Test func countedWidthsAreTheSortedWidths() {
        let widths = [0, 39, 40, 41, 72, 72, 80, 119, 120, 300, 65, 72, 40, -1, 79, 80]
        let sorted = widths.filter { $0 >= WrappedProse.minimumWidth && $0 < Segmenter.unwrappedLineCharacters }.sorted(by: >)
        #expect(WrappedProse.wrappableWidths(widths) == sorted)
        #expect(WrappedProse.wrappableWidths([]) == [])
    }
}
