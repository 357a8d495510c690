import Testing
@testable import Winnow

/// A line of nothing but dashes, dots, colons, slashes or invisible characters has no text:
/// it is a separator, which the text output leaves out, like a rule.
@Suite struct MarksOnlyLineTests {
    static func kind(_ line: String) -> BlockKind {
        Array(line.utf8).withUnsafeBytes { LineShape.kind(of: $0) }
    }

    @Test(arguments: ["-", "—", "–", "…", ".", ": : :", "—-", "—————-", "/", "\u{200B}", "\u{FEFF}", "\u{00A0}-\u{00A0}", "·", "*\u{00A0} *\u{00A0} *\u{00A0} *", "*  *  *"])
    func marksOnlyAreSeparators(line: String) {
        #expect(Self.kind(line) == .separator, "\(line.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test(arguments: [
        ("}", BlockKind.paragraph), ("- item", .listItem), ("– Dialogue", .listItem), ("...and then it rained.", .paragraph),
        ("1.", .paragraph), (":)", .paragraph), ("/r/swift", .paragraph), ("—Anna", .paragraph), ("+", .paragraph),
    ])
    func textIsNot(line: String, kind: BlockKind) {
        #expect(Self.kind(line) == kind, "\(line)")
    }

    @Test func theTextOutputLeavesThemOut() throws {
        let page = """
            The council said on Friday that the library will open on Sundays from next month, after a survey showed that most readers wanted to visit at the weekend.

            —

            The change costs about as much as two part-time posts, which the council found by moving money from a road budget that was not fully spent last year.

            \u{200B}

            A spokesman said the new hours would be reviewed after six months, and that more staff could be hired if the Sunday openings proved popular.
            """
        let clean = try BoilerplateTestSupport.clean(page)
        #expect(clean.split(separator: "\n", omittingEmptySubsequences: true).count == 3, "\(clean)")
        #expect(try BoilerplateTestSupport.clean(clean) == clean)
    }
}
