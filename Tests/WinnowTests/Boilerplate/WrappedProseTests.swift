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
}
