import Testing
@testable import Winnow

/// A bracketed line is an image or form placeholder unless it is a sentence: an editor's
/// note ("[Update: …]") is text.
@Suite struct BracketedNoteTests {
    static func isPlaceholder(_ line: String) -> Bool {
        let blocks = Segmenter().blocks(from: line)
        return FeatureExtractor().features(of: Document(id: "t", blocks: blocks)).lines.first?.isPlaceholder ?? false
    }

    @Test(arguments: [
        "[coast-road-flood-0412]",
        "[Photo: Ann Lee.]",
        "[The coastal road near the harbour after the storm on Tuesday night, seen from the cliff]",
        "![](http://example.com/pixel.gif)",
    ])
    func placeholders(line: String) {
        #expect(Self.isPlaceholder(line))
    }

    @Test(arguments: [
        "[Update: the council said on Monday that the road will open again on Friday.]",
        "[This is the last post in a series about autumn. [Read the others here!](http://example.com/autumn)]",
    ])
    func notesAreNotPlaceholders(line: String) {
        #expect(!Self.isPlaceholder(line))
    }
}
