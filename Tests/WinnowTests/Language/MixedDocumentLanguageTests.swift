import Testing
@testable import Winnow

/// Documents mixing languages, modelled on the seed page whose video widgets carry Thai,
/// Romanian and French cards inside an English article (Corpus/seeds/001_*).
@Suite struct MixedDocumentLanguageTests {
    let detector = LanguageDetector()

    private func document(_ paragraphs: [[(String, BlockKind)]]) -> Document {
        var blocks: [Block] = []
        var line = 1
        for (index, paragraph) in paragraphs.enumerated() {
            for (text, kind) in paragraph {
                blocks.append(Block(text: text, kind: kind, paragraph: index,
                                    origin: SourceSpan(line: line, byteOffset: 0, byteLength: text.utf8.count)))
                line += 1
            }
            line += 1
        }
        return Document(id: "test", blocks: blocks)
    }

    static let english = [
        "The city council met on Tuesday evening to discuss the budget for the coming year, and several members asked for more money for schools.",
        "After a long debate the council agreed to repair the old bridge over the river before the winter, which residents had requested for years.",
        "The mayor said that the work would begin in the spring and that traffic would be diverted through the northern part of the town.",
    ]

    @Test func widgetCardsKeepTheirLanguageAndDoNotFlipTheDocument() throws {
        var doc = document([
            [(Self.english[0], .paragraph)],
            [("\"คล้ายว่าเข้าใจ ไม่รู้ทำไมถึงทำไม่ได้ \" ปีศาจ (Demons) เพลงที่สี่จาก EP", .paragraph)],
            [(Self.english[1], .paragraph)],
            [("Videoclip oficial cu Carla's Dreams interpretand piesa \"Frica\". (C) & (P) 2017 Global Records", .paragraph)],
            [("La fête est finie : https://orelsan.lnk.to/LaFeteEstFinie La tournée : https://orelsan.lnk.to/tour", .paragraph)],
            [(Self.english[2], .paragraph)],
        ])
        try detector.process(&doc)
        let codes = doc.blocks.map { $0.language?.code }
        #expect(codes == ["en", "th", "en", "ro", "fr", "en"])
        #expect(doc.language?.code == "en")
        #expect((doc.language?.confidence ?? 0) > 0.5)
    }

    /// lynx's list of link addresses under a page is no English: a Chinese article with a
    /// long one stays Chinese, and the addresses have no language.
    @Test func linkAddressesHaveNoLanguage() throws {
        let chinese = "在美国旧金山举行的中美元首会晤吸引了全世界的目光。多名外国专家告诉记者，中美合作共赢符合国际社会利益。"
        let addresses = (1...40).map { ("\($0). https://cn.example.com.cn/a/2023\($0)/WS65571297a310d5acd876f404.html", BlockKind.paragraph) }
        var doc = document([[(chinese, .paragraph)], [("Visible links:", .paragraph)] + addresses, [("https://www.example.com/", .paragraph)]])
        try detector.process(&doc)
        #expect(doc.language?.code == "zh")
        #expect(doc.blocks[2].language?.isUndetermined == true)
        #expect(doc.blocks.last?.language?.isUndetermined == true)
    }

    @Test func linesOfOneParagraphShareItsGuessUnlessClearlyForeign() throws {
        var doc = document([
            [("The committee will publish", .paragraph), ("its final report next spring.", .paragraph),
             ("Рецензия на книгу вышла вчера в вечерней газете города.", .paragraph)],
        ])
        try detector.process(&doc)
        #expect(doc.blocks.map { $0.language?.code } == ["en", "en", "ru"])
    }

    @Test func documentLanguageWeighsTextLength() {
        let blocks = [
            Block(text: Self.english[0], origin: SourceSpan(line: 1, byteOffset: 0, byteLength: 0)),
            Block(text: "Der Hund schläft.", origin: SourceSpan(line: 2, byteOffset: 0, byteLength: 0)),
            Block(text: Self.english[1], origin: SourceSpan(line: 3, byteOffset: 0, byteLength: 0)),
        ]
        #expect(detector.documentLanguage(of: blocks).code == "en")
        #expect(detector.documentLanguage(of: [blocks[1]]).code == "de")
        #expect(detector.documentLanguage(of: []).code == "und")
    }

    @Test func processingIsDeterministic() throws {
        var first = document([[(Self.english[0], .paragraph)], [("Das ist ein kurzer deutscher Satz über das Wetter.", .paragraph)]])
        var second = first
        try detector.process(&first)
        try detector.process(&second)
        #expect(first.blocks == second.blocks)
        #expect(first.language == second.language)
    }
}
