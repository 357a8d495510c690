import Testing
@testable import Winnow

/// A list of short items without links between two paragraphs of the article is the article's:
/// a menu is a list of links above or below the text. (The clean text of a markdown page, whose
/// links are gone, kept such a list only this way when it was cleaned again.)
@Suite struct EnclosedListTests {
    static let page = """
        Lenses for your camera are an investment: how sharp the image is, how wide the aperture opens and how fast the lens focuses all matter.

        – Image Quality and Sharpness
        – Aperture Capability
        – Zoom Length
        – Focusing Speed

        Choosing the right lens takes a little research, and the zoom range matters less than most buyers think when they go to the shop.
        """

    @Test func aLinklessListBetweenParagraphsStays() throws {
        var document = Document(id: "lenses", blocks: Segmenter().blocks(from: Self.page))
        try LanguageDetector().process(&document)
        try BoilerplateRemover().process(&document)
        let kept = document.blocks.filter { $0.verdict?.action != .drop }.map(\.text)
        #expect(kept.contains("– Zoom Length"))
        #expect(kept.count == 6)
    }

    @Test func aListAtThePagesEdgeIsNotEnclosed() {
        let menu = BlockClass.bad(ruleID: MenuItemHeuristic.id, reason: "menu")
        var features = [LineFeatures](repeating: LineFeatures(), count: 4)
        for index in features.indices { features[index].words = 3 }
        let kinds: [BlockKind] = [.listItem, .listItem, .listItem, .paragraph]
        let english: [String?] = ["en", "en", "en", "en"]
        let enclosed = MenuItemHeuristic.enclosedEntries(
            classes: [menu, menu, menu, .good], features: features, kinds: kinds, pageLanguage: "en", stopwordBit: StopwordIndex.shared.bit(of: "en"), language: { english[$0] }, text: { _ in "Zoom Length" })
        #expect(!enclosed.contains(true))
        let between = MenuItemHeuristic.enclosedEntries(
            classes: [.good, menu, menu, .good], features: features, kinds: [.paragraph, .listItem, .listItem, .paragraph],
            pageLanguage: "en", stopwordBit: StopwordIndex.shared.bit(of: "en"), language: { english[$0] }, text: { _ in "Zoom Length" })
        #expect(between == [false, true, true, false])
        // Under a Korean article and over an English "About us" paragraph, it is the site's menu.
        let chrome = MenuItemHeuristic.enclosedEntries(
            classes: [.good, menu, menu, .good], features: features, kinds: [.paragraph, .listItem, .listItem, .paragraph],
            pageLanguage: "ko", stopwordBit: StopwordIndex.shared.bit(of: "ko"), language: { ["ko", "en", "en", "en"][$0] }, text: { _ in "Zoom Length" })
        #expect(!chrome.contains(true))
        // A site's sections, which the prose never names, are its menu.
        let sections = ["The council approved the plan for new cycle lanes on Tuesday.", "Music Property", "Weather Events", "Shopkeepers are divided about the plan."]
        let menuBetween = MenuItemHeuristic.enclosedEntries(
            classes: [.good, menu, menu, .good], features: features, kinds: [.paragraph, .listItem, .listItem, .paragraph],
            pageLanguage: "en", stopwordBit: StopwordIndex.shared.bit(of: "en"), language: { english[$0] }, text: { sections[$0] })
        #expect(!menuBetween.contains(true))
    }
}
