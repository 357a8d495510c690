import Testing
@testable import Winnow

/// The article region crosses a table or list to more prose, but not a comment separator, a
/// rule's drop or a list of headlines.
@Suite struct ArticleBridgeHeuristicTests {
    static let t = HeuristicThresholds(mode: .balanced)

    static func prose(_ words: Int = 20) -> (BlockClass, LineFeatures) {
        var line = LineFeatures()
        line.words = words
        line.endsLikeSentence = true
        return (.good, line)
    }

    static func row(_ words: Int = 3, headline: Bool = false) -> (BlockClass, LineFeatures) {
        var line = LineFeatures()
        line.words = words
        line.letteredWords = words
        line.capitalisedShare = headline ? 1 : 0.3
        return (.short, line)
    }

    static func bridged(_ lines: [(BlockClass, LineFeatures)], region: ClosedRange<Int>, cut: Int? = nil, dropped: Int? = nil) -> ClosedRange<Int> {
        var separators = [Bool](repeating: false, count: lines.count)
        var ruleDropped = separators
        if let cut { separators[cut] = true }
        if let dropped { ruleDropped[dropped] = true }
        return ArticleBridgeHeuristic.bridged(
            region, classes: lines.map(\.0), features: lines.map(\.1), separators: separators, ruleDropped: ruleDropped, t)
    }

    static let page = [prose(), prose()] + Array(repeating: row(), count: 12) + [prose(), prose(), row()]

    @Test func crossesATableToMoreProse() {
        #expect(Self.bridged(Self.page, region: 0...1) == 0...15)
    }

    @Test func stopsAtASeparatorOrARuleDrop() {
        #expect(Self.bridged(Self.page, region: 0...1, cut: 8) == 0...1)
        #expect(Self.bridged(Self.page, region: 0...1, dropped: 8) == 0...1)
    }

    @Test func doesNotCrossHeadlinesOrReachALoneSentence() {
        let headlines = [Self.prose(), Self.prose()] + Array(repeating: Self.row(6, headline: true), count: 8)
            + [Self.prose(), Self.prose()]
        #expect(Self.bridged(headlines, region: 0...1) == 0...1)
        let lone = [Self.prose(), Self.prose()] + Array(repeating: Self.row(), count: 5) + [Self.prose(), Self.row(), Self.row()]
        #expect(Self.bridged(lone, region: 0...1) == 0...1)
    }

    /// Ten menu-shaped entries under "… in ten points:" are the article's list: the bridge
    /// crosses them to the prose below; the same entries without the introduction are a menu.
    @Test func crossesAnIntroducedListButNotAMenu() {
        let entry = (BlockClass.bad(ruleID: MenuItemHeuristic.id, reason: "short bullet line (menu entry)"), LineFeatures())
        let lines = [Self.prose(), Self.prose()] + Array(repeating: entry, count: 10) + [Self.prose(), Self.prose()]
        let separators = [Bool](repeating: false, count: lines.count)
        func bridged(introduced: [Bool]?) -> ClosedRange<Int> {
            ArticleBridgeHeuristic.bridged(
                0...1, classes: lines.map(\.0), features: lines.map(\.1), separators: separators, ruleDropped: separators,
                introduced: introduced, Self.t)
        }
        let introduced = lines.indices.map { (2...11).contains($0) }
        #expect(bridged(introduced: introduced) == 0...13)
        #expect(bridged(introduced: nil) == 0...1)
    }

    /// An introduced list of eight entries with one menu-shaped line among them (a summary's
    /// bullet over a table) is still the article's list, crossed to the one paragraph below;
    /// with as many menu entries as list entries it is not.
    @Test func crossesAListWithAStrayMenuLine() {
        let entry = (BlockClass.bad(ruleID: MenuItemHeuristic.id, reason: "short bullet line (menu entry)"), LineFeatures())
        let stray = (BlockClass.bad(ruleID: MenuItemHeuristic.id, reason: "short bullet line (menu entry)"), LineFeatures())
        func bridged(listEntries: Int, strays: Int) -> ClosedRange<Int> {
            let lines = [Self.prose(), Self.prose()] + Array(repeating: stray, count: strays)
                + Array(repeating: entry, count: listEntries) + [Self.prose(8)]
            let separators = [Bool](repeating: false, count: lines.count)
            let introduced = lines.indices.map { (2 + strays..<2 + strays + listEntries).contains($0) }
            return ArticleBridgeHeuristic.bridged(
                0...1, classes: lines.map(\.0), features: lines.map(\.1), separators: separators, ruleDropped: separators,
                introduced: introduced, Self.t)
        }
        #expect(bridged(listEntries: 8, strays: 1) == 0...11)
        #expect(bridged(listEntries: 4, strays: 4) == 0...1)
    }

    static func bridgedBackward(
        _ lines: [(BlockClass, LineFeatures)], region: ClosedRange<Int>, cut: Int? = nil, anchor: Int? = nil
    ) -> ClosedRange<Int> {
        var separators = [Bool](repeating: false, count: lines.count)
        if let cut { separators[cut] = true }
        return ArticleBridgeHeuristic.bridgedBackward(
            region, classes: lines.map(\.0), features: lines.map(\.1), separators: separators,
            ruleDropped: [Bool](repeating: false, count: lines.count), anchor: anchor, t)
    }

    /// A recipe: the story, the ingredient list, then the method (which scored more).
    static let recipe = [row(), prose(), prose()] + Array(repeating: row(), count: 12) + [prose(), prose(), prose()]

    @Test func crossesAListBackToTheArticlesStart() {
        #expect(Self.bridgedBackward(Self.recipe, region: 15...17) == 1...17)
    }

    @Test func backwardStopsAtASeparatorAnAnchorOrHeadlines() {
        #expect(Self.bridgedBackward(Self.recipe, region: 15...17, cut: 8) == 15...17)
        #expect(Self.bridgedBackward(Self.recipe, region: 15...17, anchor: 5) == 15...17)
        let teasers = [Self.prose(), Self.prose()] + Array(repeating: Self.row(6, headline: true), count: 8)
            + [Self.prose(), Self.prose()]
        #expect(Self.bridgedBackward(teasers, region: 10...11) == 10...11)
    }
}

/// The region crosses a widget that a section rule dropped inside the article ("Most Popular"
/// between two paragraphs) when a prose paragraph and enough article follow it.
extension ArticleBridgeHeuristicTests {
    static func overWidgets(
        _ lines: [(BlockClass, LineFeatures)], region: ClosedRange<Int>, widget: Range<Int>, caption: Int? = nil,
        cut: Int? = nil, listItems: Set<Int> = []
    ) -> ClosedRange<Int> {
        var separators = [Bool](repeating: false, count: lines.count)
        if let cut { separators[cut] = true }
        var widgetLines = [Bool](repeating: false, count: lines.count)
        for index in widget { widgetLines[index] = true }
        var steppedOver = [Bool](repeating: false, count: lines.count)
        if let caption { steppedOver[caption] = true }
        return ArticleBridgeHeuristic.bridgedOverWidgets(
            region, classes: lines.map(\.0), features: lines.map(\.1), separators: separators, ruleDropped: widgetLines,
            widget: widgetLines, steppedOver: steppedOver, isParagraph: { !listItems.contains($0) }, t)
    }

    static let dropped: (BlockClass, LineFeatures) = (.bad(ruleID: "widgets.popular-section", reason: ""), LineFeatures())

    @Test func crossesAWidgetInsideTheArticle() {
        // prose, prose, widget ×6, an image's alt text, a caption, prose ×2
        var caption = Self.dropped
        caption.0 = .bad(ruleID: "captions.credited-caption", reason: "")
        let page = [Self.prose(), Self.prose()] + Array(repeating: Self.dropped, count: 6) + [Self.row(), caption]
            + [Self.prose(40), Self.prose(40)]
        #expect(Self.overWidgets(page, region: 0...1, widget: 2..<8, caption: 9) == 0...11)
    }

    @Test func crossesAWidgetToTheStorysLastTwoParagraphs() {
        // A news story's last two paragraphs of twenty words under a "Read also" box.
        let page = [Self.prose(), Self.prose()] + Array(repeating: Self.dropped, count: 3) + [Self.prose(), Self.prose()]
        #expect(Self.overWidgets(page, region: 0...1, widget: 2..<5) == 0...6)
        // One paragraph is not enough: a disclaimer or a comment section's blurb reads as prose too.
        let one = [Self.prose(), Self.prose()] + Array(repeating: Self.dropped, count: 3) + [Self.prose(30)]
        #expect(Self.overWidgets(one, region: 0...1, widget: 2..<5) == 0...1)
    }

    static func backOverWidgets(
        _ lines: [(BlockClass, LineFeatures)], region: ClosedRange<Int>, widget: Range<Int>, anchor: Int? = nil,
        listItems: Set<Int> = [], ruleDropped extra: Set<Int> = []
    ) -> ClosedRange<Int> {
        let separators = [Bool](repeating: false, count: lines.count)
        var widgetLines = [Bool](repeating: false, count: lines.count)
        for index in widget { widgetLines[index] = true }
        var ruleDropped = widgetLines
        for index in extra { ruleDropped[index] = true }
        return ArticleBridgeHeuristic.bridgedBackOverWidgets(
            region, classes: lines.map(\.0), features: lines.map(\.1), separators: separators, ruleDropped: ruleDropped,
            widget: widgetLines, steppedOver: [Bool](repeating: false, count: lines.count),
            isParagraph: { !listItems.contains($0) }, anchor: anchor, t)
    }

    @Test func crossesBackOverAWidgetToTheStandfirst() {
        // title row, standfirst, widget ×2, prose ×3 (the region)
        let page = [Self.row(), Self.prose()] + Array(repeating: Self.dropped, count: 2) + [Self.prose(), Self.prose(), Self.prose()]
        #expect(Self.backOverWidgets(page, region: 4...6, widget: 2..<4).upperBound == 6)
        #expect(Self.backOverWidgets(page, region: 4...6, widget: 2..<4).lowerBound <= 1)
        // Not past a breadcrumb anchor, not to a teaser list item, not over another rule's drop.
        #expect(Self.backOverWidgets(page, region: 4...6, widget: 2..<4, anchor: 1) == 4...6)
        #expect(Self.backOverWidgets(page, region: 4...6, widget: 2..<4, listItems: [1]) == 4...6)
        let dropped = [Self.prose(), Self.dropped] + Array(repeating: Self.dropped, count: 2) + [Self.prose(), Self.prose()]
        #expect(Self.backOverWidgets(dropped, region: 4...5, widget: 2..<4, ruleDropped: [1]) == 4...5)
        // Without a widget there is nothing to cross.
        #expect(Self.backOverWidgets(page, region: 4...6, widget: 0..<0) == 4...6)
    }

    @Test func crossesBackOverAWidgetToBothParagraphsAboveIt() {
        // A player label (another rule's drop), prose ×2, widget ×4, prose ×4 (the region): the
        // first paragraph sits right above the second, so it is the article's too, though the
        // player label closes the walk above it.
        let page = [Self.row(), Self.dropped, Self.prose(), Self.prose()] + Array(repeating: Self.dropped, count: 4)
            + Array(repeating: Self.prose(), count: 4)
        #expect(Self.backOverWidgets(page, region: 8...11, widget: 4..<8, ruleDropped: [1]) == 2...11)
    }

    @Test func crossesBackOverAWidgetWithOneButtonButNotAForm() {
        /// prose ×2, a box whose lines in `widget` a widget rule dropped and the rest other
        /// rules, prose ×3 (the region).
        func lowerBound(box: Int, widget: Set<Int>) -> Int {
            let page = [Self.prose(), Self.prose()] + Array(repeating: Self.dropped, count: box)
                + Array(repeating: Self.prose(), count: 3)
            let count = page.count
            let widgetLines = (0..<count).map { widget.contains($0) }
            let ruleDropped = (0..<count).map { (2..<(2 + box)).contains($0) }
            return ArticleBridgeHeuristic.bridgedBackOverWidgets(
                (count - 3)...(count - 1), classes: page.map(\.0), features: page.map(\.1),
                separators: [Bool](repeating: false, count: count), ruleDropped: ruleDropped, widget: widgetLines,
                steppedOver: [Bool](repeating: false, count: count), isParagraph: { _ in true }, anchor: nil, Self.t
            ).lowerBound
        }
        // A sign-up box: its prompt, a "Sign up" button another rule dropped, its small print.
        #expect(lowerBound(box: 3, widget: [2, 4]) == 0)
        // A form's fields (three more rules' drops) are no button: the box tops the page.
        #expect(lowerBound(box: 5, widget: [2, 6]) == 7)
        // Nor is another rule's drop between the box and the prose above.
        #expect(lowerBound(box: 3, widget: [3, 4]) == 5)
    }

    @Test func doesNotCrossToTeasersASeparatorOrTooLittleProse() {
        let page = [Self.prose(), Self.prose()] + Array(repeating: Self.dropped, count: 6) + [Self.prose(40), Self.prose(40)]
        // Teaser cards (list items) after a widget are not the article going on.
        #expect(Self.overWidgets(page, region: 0...1, widget: 2..<8, listItems: [8]) == 0...1)
        #expect(Self.overWidgets(page, region: 0...1, widget: 2..<8, cut: 8) == 0...1)
        let short = [Self.prose(), Self.prose()] + Array(repeating: Self.dropped, count: 6) + [Self.prose(12), Self.row()]
        #expect(Self.overWidgets(short, region: 0...1, widget: 2..<8) == 0...1)
        // Without a widget, a rule's drop still ends the article.
        #expect(Self.overWidgets(page, region: 0...1, widget: 0..<0) == 0...1)
    }
}
