import Testing
@testable import Winnow

/// A list of fields with distinct labels is a fact box, not a menu.
@Suite struct FieldListTests {
    static func members(_ lines: [String], decided: Set<Int> = []) -> [Bool] {
        FieldList.members(
            count: lines.count, isListItem: { _ in true }, isDecided: { decided.contains($0) }, paragraph: { _ in 0 },
            text: { lines[$0] })
    }

    @Test func factBoxesAreFieldLists() {
        #expect(Self.members(["Cost: 40 million euros", "Length: 60 kilometres", "Opening: spring 2025"]) == [true, true, true])
    }

    @Test func menusAndRepeatedLabelsAreNot() {
        #expect(Self.members(["News", "Sport", "Weather"]) == [false, false, false])
        #expect(Self.members(["Cost: 40 million euros", "Length: 60 kilometres"]) == [false, false])  // too few
        #expect(Self.members(["Tip: ride early", "Tip: take the tram", "Tip: book ahead"]) == [false, false, false])
        #expect(Self.members(["Cost: 40 million euros", "Length: 60 kilometres", "Opening: spring 2025"], decided: [1]) == [false, false, false])
    }
}
