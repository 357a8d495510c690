import Testing
@testable import Winnow

/// A list numbered in order (three or more entries) is the article's, in markdown and in its
/// cleaned copy alike.
@Suite struct CountedListTests {
    @Test func leadingNumberReadsANumberedEntry() {
        #expect(CountedList.leadingNumber("12. Become a mentor") == 12)
        #expect(CountedList.leadingNumber("2) How do you install a ring tone?") == 2)
        #expect(CountedList.leadingNumber("1. “Save For Later”") == 1)
        #expect(CountedList.leadingNumber("1. [photo]") == nil)
        #expect(CountedList.leadingNumber("2012. A year") == nil)
        #expect(CountedList.leadingNumber("3.5 million") == nil)
        #expect(CountedList.leadingNumber("Step 1. Copy") == nil)
        // A number may open the entry's text when words follow it.
        #expect(CountedList.leadingNumber("1. 2012 Honda Crosstour") == 1)
        #expect(CountedList.leadingNumber("2. 3D printing") == 2)
        #expect(CountedList.leadingNumber("1. 2012") == nil)
        #expect(CountedList.leadingNumber("3. 10. 2019") == nil)
    }

    @Test func anEntryMayHaveOneDetailLine() {
        // 1, detail, 2, detail, 3, detail: the last entry's detail belongs to the list too.
        let numbers: [Int?] = [nil, 1, nil, 2, nil, 3, nil, nil]
        let entries = CountedList.entries(count: numbers.count, number: { numbers[$0] }, isDetail: { $0 != 7 })
        #expect(entries == [false, true, true, true, true, true, true, false])
        // Two lines between entries end the list.
        let apart: [Int?] = [1, nil, nil, 2, nil, 3]
        #expect(!CountedList.entries(count: apart.count, number: { apart[$0] }, isDetail: { _ in true }).contains(true))
        // A line that is no detail (a counter a rule dropped) ends it too.
        let counters: [Int?] = [1, nil, 2, nil, 3, nil]
        #expect(!CountedList.entries(count: counters.count, number: { counters[$0] }).contains(true))
    }

    @Test func anExcerptCutShortIsNoDetail() {
        #expect(CountedList.endsCutShort("I have recently been given an assignmen. […]"))
        #expect(CountedList.endsCutShort("which field is more good if... "))
        #expect(CountedList.endsCutShort("Read the first chapter…"))
        #expect(!CountedList.endsCutShort("0.9% APR for 24-60 months"))
        #expect(!CountedList.endsCutShort("See [1]"))
    }

    @Test func aListWithADetailUnderEachEntrySurvivesASecondCleaning() throws {
        let text = """
            Getting a low interest rate is critical to saving money in the long run when you buy your next vehicle, and the dealers know it.

            Here are some other Honda vehicles and the financing deals you could qualify for:

            1. 2012 Honda Crosstour
               * 0.9% APR for 24-60 months
            2. 2012 Honda Odyssey
               * 0.9% APR for 24-60 months
            3. 2012 Honda Ridgeline
               * 0.9% APR for 24-36 months

            Should you qualify for these special financing rates, you will be able to finance the new car you have wanted for a long time.
            """
        let once = try BoilerplateTestSupport.clean(text)
        for entry in ["1. 2012 Honda Crosstour", "0.9% APR for 24-36 months", "Should you qualify"] {
            #expect(once.contains(entry), "\(entry)")
        }
        #expect(try BoilerplateTestSupport.clean(once) == once)
    }

    @Test func entriesAreRunsCountingUpByOne() {
        let numbers: [Int?] = [nil, 1, 2, 3, nil, 1, 2, 4, 5, 6, 7]
        let entries = CountedList.entries(count: numbers.count) { numbers[$0] }
        #expect(entries == [false, true, true, true, false, false, false, true, true, true, true])
    }

    @Test func subheadingsCountUpWithProseUnderEach() {
        // 1, prose, 2, prose, 3, prose: a listicle's points.
        let numbers: [Int?] = [1, nil, 2, nil, nil, 3, nil, nil, 1, 2, 3]
        let prose: [Bool] = [false, true, false, true, false, false, true, false, false, false, false]
        let entries = CountedList.subheadings(count: numbers.count, number: { numbers[$0] }, isProse: { prose[$0] })
        #expect(entries == [true, false, true, false, false, true, false, false, false, false, false])
    }

    @Test func subheadingsWithoutProseBetweenAreNoListicle() {
        let numbers: [Int?] = [1, nil, 2, nil, 3]
        let entries = CountedList.subheadings(count: numbers.count, number: { numbers[$0] }, isProse: { _ in false })
        #expect(!entries.contains(true))
    }

    @Test func listicleKeepsEveryPointAndItsParagraph() throws {
        let text = """
            • Home
            • Travel
            • Food
            • Contact

            Five things to do in Lisbon this weekend

            Lisbon is busy in spring, but there is plenty to do away from the crowds. Here are our picks.

            1. Ride tram 28 early
            Catch the first tram of the morning, before the queues start, and you will have the old quarters almost to yourself.

            2. Eat at a tasca
            The small family restaurants in Alfama serve grilled sardines and green wine at honest prices.

            3. Walk the riverside
            A flat path runs for several kilometres from Cais do Sodré to Belém.

            4. See the tiles museum
            The National Tile Museum shows five centuries of azulejos in a former convent.
            """
        let kept = try BoilerplateTestSupport.keptTexts(text)
        for line in ["1. Ride tram 28 early", "2. Eat at a tasca", "3. Walk the riverside", "4. See the tiles museum"] {
            #expect(kept.contains(line), "\(line)")
        }
        #expect(kept.contains { $0.hasPrefix("A flat path runs") } && kept.contains { $0.hasPrefix("The National Tile Museum") })
        #expect(!kept.contains("• Travel"))
    }

    @Test func countedListInsideTheArticleSurvivesASecondCleaning() throws {
        let text = """
            Volunteers planted four hundred trees along the river on Saturday, the second planting this year, and the parks team says most of the spring saplings have taken.

            The work began in March, when the council agreed to pay for the saplings and a local school offered to grow some of them in its own garden.

            The project timeline:

            1. Planning
            2. Digging
            3. Planting
            4. Watering

            The trees are native species chosen because they cope with the floods that cover the bank most winters, and they should shade the path within ten years.

            The next planting is planned for October, and the parks team says that anyone who wants to help should bring gloves and water.
            """
        let once = try BoilerplateTestSupport.clean(text)
        for entry in ["1. Planning", "2. Digging", "3. Planting", "4. Watering"] { #expect(once.contains(entry), "\(entry)") }
        #expect(try BoilerplateTestSupport.clean(once) == once)
    }

    @Test func menuOfUncountedEntriesIsStillAMenu() throws {
        let text = """
            • Home
            • News
            • Contact
            Volunteers planted four hundred trees along the river on Saturday, the second planting this year, and the parks team says most of the spring saplings have taken.
            The trees are native species chosen because they cope with the floods that cover the bank most winters, and they should shade the path within ten years.
            """
        let kept = try BoilerplateTestSupport.keptTexts(text)
        #expect(!kept.contains("• Home") && !kept.contains("• News"))
    }
}
