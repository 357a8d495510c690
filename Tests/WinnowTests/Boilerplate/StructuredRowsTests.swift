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

    /// A markdown table's delimiter row joins its header to its rows; a rule or a drawn line
    /// (separators too) is no row.
    @Test func aTablesDelimiterRowIsOneOfItsRows() {
        #expect(StructuredRows.shape(raw: "| --- | --- |", kind: .separator, words: 0) == .tableRow)
        #expect(StructuredRows.shape(raw: "  |:---:|---|", kind: .separator, words: 0) == .tableRow)
        #expect(StructuredRows.shape(raw: "-----", kind: .separator, words: 0) == nil)
        #expect(StructuredRows.shape(raw: "━━━━━━", kind: .separator, words: 0) == nil)
    }

    @Test func aLedeAboveATableStaysWithTheArticleUnderIt() throws {
        let page = """
            * [Home](/)
            * [Tests](/tests)

            **In the latest test, eighteen child car seats were checked for safety, handling, ergonomics and harmful substances, and eleven of them are recommended.**

            ## The results

            | Maker Model | Price | Isofix | Grade |
            | --- | --- | --- | --- |
            | [Britax Baby-Safe 2](https://example.com/test/1) | 370 euros | yes | 1.7 |
            | [Joie i-Level](https://example.com/test/2) | 300 euros | yes | 1.8 |
            | [Maxi-Cosi Cabriofix](https://example.com/test/3) | 150 euros | no | 2.1 |
            | [Osann Fox](https://example.com/test/4) | 200 euros | yes | 5.5 |

            Four seats were rated poor in this test, because their covers hold harmful substances that children can take in through the skin.

            The cover of the Osann Fox holds two flame retardants, which is the more annoying as the seat otherwise does well in the crash tests.
            """
        let kept = try BoilerplateTestSupport.keptTexts(page)
        #expect(kept.first?.hasPrefix("**In the latest test") == true)
        #expect(kept.contains("| [Joie i-Level](https://example.com/test/2) | 300 euros | yes | 1.8 |"))
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

    /// A table's rows under group labels of their own ("ca. 4 bis 12 Jahre"): one line between
    /// two rows keeps the run, two lines end it.
    @Test func aTablesRowsMayComeInGroupsUnderLabels() {
        let grouped = [
            "ca. 1 bis 12 Jahre",
            "Cybex Pallas S-Fix                  300 €      ja      2,1",
            "Nania I-Max SP Isofix               139 €      ja      2,7",
            "ca. 4 bis 12 Jahre",
            "Cybex Solution S-Fix                190 €      ja      1,7",
            "Bezugstoffe enthalten Schadstoffe",
        ]
        #expect(Self.members(grouped) == [false, true, true, false, true, false])
        let apart = [
            "Cybex Pallas S-Fix                  300 €      ja      2,1",
            "Nania I-Max SP Isofix               139 €      ja      2,7",
            "The seats were bought in October.",
            "ca. 4 bis 12 Jahre",
            "Cybex Solution S-Fix                190 €      ja      1,7",
        ]
        #expect(!Self.members(apart).contains(true))
    }
}
