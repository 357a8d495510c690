import Testing
@testable import Winnow

/// Lines that one sentence runs across are found whatever their widths, and only those.
@Suite struct SentenceRunTests {
    private func runs(_ text: String) throws -> [Range<Int>] {
        let document = Document(id: "test", blocks: Segmenter().blocks(from: text))
        let features = FeatureExtractor(index: StopwordIndex.shared).features(of: document).lines
        return WrappedProse.sentenceRuns(of: document.blocks, features: features)
    }

    @Test func aSentenceRunningOnToALowerCaseLineJoinsTheLines() throws {
        let found = try runs("""
            The harbour board met on Thursday to discuss
            the cost of the new pier, which has risen by a third
            since the first plans were drawn up.
            """)
        #expect(found == [0..<3])
    }

    @Test func aCommaCarriesTheSentenceOnToACapitalisedLine() throws {
        let found = try runs("""
            Die Bundesregierung will im kommenden Jahr sparen,
            Förderprogramme für Unternehmen sind betroffen.
            """)
        #expect(found == [0..<2])
    }

    @Test func aLineEndingLikeASentenceOrAShortLabelEndsNoRun() throws {
        #expect(try runs("The board met on Thursday.\nthe cost rose by a third, members said.").isEmpty)
        #expect(try runs("Opening hours\nmonday to friday, nine to five").isEmpty)
        #expect(try runs("Fares,\nTimetables").isEmpty)
        #expect(try runs("The board met on Thursday to discuss\nThe cost of the new pier").isEmpty)
    }

    @Test(arguments: [("über", true), ("été", true), ("ещё раз", true), ("Über", false), ("Ещё", false), ("÷ 2", false), ("[link](u)", false), ("  and", true)])
    func opensLowercase(text: String, expected: Bool) {
        #expect(Array(text.utf8).withUnsafeBytes { WrappedProse.opensLowercase($0) } == expected)
    }
}
