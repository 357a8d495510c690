import Testing

@testable import Winnow

/// A dateline written day first ("5. Dez 2018") is a paragraph, not an ordered list's item:
/// html2text escapes it (`5\. Dez 2018`), the clean text writes it plain, and read again as a
/// list item it was dropped as a menu entry, so the clean text cleaned again lost its date.
@Suite struct DayFirstDateLineTests {
    private func kind(_ line: String) -> BlockKind {
        Array(line.utf8).withUnsafeBytes { LineShape.kind(of: $0) }
    }

    @Test func daysFirstDatesAreParagraphs() {
        for line in ["5. Dez 2018", "20. Mai 2019", "17. Oktober 2013", "01. December 2017", "4. März 2018, 16:19", "19. Juni 2019 / 9:36", "3. févr. 2020"] {
            #expect(kind(line) == .paragraph, "\(line)")
        }
    }

    @Test func numberedEntriesStayListItems() {
        for line in ["1. Mix the flour", "12. Chapter 12", "2. Be a sponge", "40. Mai 2019", "3. Mai 20190", "5. Dez", "2) Juni 2019"] {
            #expect(kind(line) == .listItem, "\(line)")
        }
    }
}
