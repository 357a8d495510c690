import Testing
@testable import Winnow

/// A table's rows, an event's fields and a timeline's dated entries are blocks of the article.
@Suite struct StructuredRowsTests {
    @Test(arguments: [
        ("Northfield      820    905    +10.4%", StructuredRows.Shape.tableRow),
        ("Date: Saturday 14 June", .field), ("Time: 7.30pm", .field), ("Opening hours: 9 to 5", .field),
        ("1924 – The bridge opens to horse-drawn traffic", .dated), ("2009: Closed for repairs", .dated),
        ("Arsenal 1-2 Brentford", .result), ("Liverpool 0 – 0 Everton", .result), ("Monday 9:00–17:00", .result),
    ])
    func shapes(_ line: String, _ shape: StructuredRows.Shape) {
        #expect(StructuredRows.shape(raw: line, kind: .paragraph, words: line.split(separator: " ").count) == shape)
    }

    @Test(arguments: [
        "Home   News   Sport", "The council said: we will decide in May.", "Top 10 stories", "Page 2 of 5", "Note that it is 1924 – or so", "Subscribe",
        "A very long label that goes on and on: value",
    ])
    func noShape(_ line: String) {
        #expect(StructuredRows.shape(raw: line, kind: .paragraph, words: line.split(separator: " ").count) == nil)
    }

    static func members(_ lines: [String]) -> [Bool] {
        let rows = StructuredRows.Lazy(
            count: lines.count,
            shape: { StructuredRows.shape(raw: lines[$0], kind: .paragraph, words: lines[$0].split(separator: " ").count) },
            label: { StructuredRows.label(raw: lines[$0]) })
        return lines.indices.map(rows.contains)
    }

    @Test func headlinesUnderOneLabelAreNoFields() {
        let lines = ["Ask Slashdot: How Do I Stay Employable?", "Ask Slashdot: Are Smart Meters Safe?", "Ask Slashdot: What Now?"]
        #expect(!Self.members(lines).contains(true))
        #expect(StructuredRows.shape(raw: "Paul Begala: Obama's 2012 win was far more difficult than his historic first", kind: .paragraph, words: 13) == nil)
    }

    @Test func aBlockNeedsThreeLinesOfOneShape() {
        let lines = [
            "Date: Saturday 14 June", "Time: 7.30pm", "The concert is free.", "Date: Saturday 14 June", "Time: 7.30pm",
            "Venue: Riverside Park", "1924 – The bridge opens", "1953 – The flood",
        ]
        #expect(Self.members(lines) == [false, false, false, true, true, true, false, false])
    }
}
