import Testing
import Winnow

/// Builds documents from lines, profiles them, and runs the stage, the way `--learn-repeats` does.
struct RepeatFixture {
    var documents: [Document] = []

    mutating func add(site: String, id: String, _ lines: [String]) {
        let blocks = lines.enumerated().map { index, text in
            Block(text: text, origin: SourceSpan(line: index + 1, byteOffset: 0, byteLength: text.utf8.count))
        }
        documents.append(Document(id: id, blocks: blocks, site: site))
    }

    func profile() -> RepeatProfile {
        var counter = RepeatCounter()
        for document in documents {
            let hashes = Set(document.blocks.compactMap { LineFingerprint.fingerprint(of: $0.text)?.hash })
            counter.addDocument(site: document.site ?? "", fingerprints: hashes.sorted())
        }
        return counter.profile()
    }

    /// Runs `stages` then the repeat stage; returns the documents with their verdicts.
    func cleaned(_ thresholds: RepeatThresholds = RepeatThresholds(), before stages: [any Stage] = []) throws -> [Document] {
        let pipeline = Pipeline(stages: stages + [RepeatedLineStage(profile: profile(), thresholds: thresholds)])
        var out: [Document] = []
        for var document in documents {
            try pipeline.run(&document)
            out.append(document)
        }
        return out
    }
}

/// A stand-in for a keep rule: protects lines containing a phrase.
struct ProtectStage: Stage {
    let id = "test-protect"
    let phrase: String
    func process(_ document: inout Document) throws(WinnowError) {
        for index in document.blocks.indices where document.blocks[index].text.contains(phrase) {
            document.blocks[index].verdict = .keep("test.protect", "protected by a keep rule")
        }
    }
}

func dropped(_ document: Document) -> [String] {
    document.blocks.filter { $0.verdict?.reason.ruleID == RepeatedLineStage.ruleID }.map(\.text)
}

let topics = ["apples", "boats", "cats", "dams", "eels", "ferns", "goats", "harps", "inks", "jams", "kites", "lamps"]

@Suite struct RepeatedLineStageTests {
    /// Ten pages of one site: the same menu and footer on every page, an article each.
    func site(pages: Int = 10, menuOn: Int = 10) -> RepeatFixture {
        var fixture = RepeatFixture()
        for page in 0..<pages {
            var lines = ["A story about \(topics[page % topics.count]) begins with its own words."]
            if page < menuOn { lines = ["• Home", "• Sports", "Follow us on Twitter"] + lines }
            lines.append("Copyright © \(2010 + page) Example News. All rights reserved.")
            fixture.add(site: "example.com", id: "p\(page)", lines)
        }
        return fixture
    }

    @Test func dropsEveryCopyOfSiteBoilerplateAndSaysWhy() throws {
        let documents = try site().cleaned()
        for document in documents {
            #expect(dropped(document) == ["• Home", "• Sports", "Follow us on Twitter", document.blocks.last!.text])
            #expect(document.blocks.filter(\.isKept).count == 1)
        }
        let reason = documents[0].blocks[0].verdict?.reason
        #expect(reason?.message == "in 10 of 10 documents of example.com")
        #expect(reason?.score == 1)
    }

    @Test func minDocumentsThreshold() throws {
        // 4 pages: the menu is on all of them but under 5 documents.
        #expect(try site(pages: 4, menuOn: 4).cleaned().allSatisfy { dropped($0).isEmpty })
        #expect(try site(pages: 4, menuOn: 4).cleaned(RepeatThresholds(minDocuments: 4)).allSatisfy { dropped($0).count == 4 })
    }

    @Test func minShareThreshold() throws {
        // The menu is on 5 of 12 pages (42%): under the default share of 0.5.
        let fixture = site(pages: 12, menuOn: 5)
        #expect(try fixture.cleaned()[0].blocks.prefix(3).allSatisfy(\.isKept))
        #expect(try fixture.cleaned(RepeatThresholds(minShare: 0.4))[0].blocks.prefix(3).allSatisfy { !$0.isKept })
        // Exactly at the share: 6 of 12 is 0.5, dropped.
        #expect(try site(pages: 12, menuOn: 6).cleaned()[0].blocks.prefix(3).allSatisfy { !$0.isKept })
    }

    @Test func aKeepRuleBeatsARepeat() throws {
        let documents = try site().cleaned(before: [ProtectStage(phrase: "Follow us")])
        for document in documents {
            #expect(document.blocks[2].isKept)
            #expect(document.blocks[2].verdict?.reason.ruleID == "test.protect")
            #expect(!document.blocks[0].isKept)
        }
    }

    @Test func genuineSharedTextIsKept() throws {
        // A site of 10 pages where 6 articles carry the same syndicated paragraph and 3 quote
        // the same sentence; every page has a menu line. The menu goes, the shared text stays.
        var fixture = RepeatFixture()
        let syndicated =
            "The committee said on Tuesday that the new rules would take effect next spring, after a public consultation that drew more than four thousand responses from residents and businesses."
        let quote = "\"We will not give up,\" the mayor said."
        for page in 0..<10 {
            var lines = ["• Home", "This article about \(topics[page]) has its own opening paragraph."]
            if page < 6 { lines.append(syndicated) }
            if page >= 7 { lines.append(quote) }
            fixture.add(site: "news.example", id: "n\(page)", lines)
        }
        let documents = try fixture.cleaned()
        for (page, document) in documents.enumerated() {
            #expect(dropped(document) == ["• Home"], "page \(page)")
        }
        // Even with a low share, the long paragraph needs 90% of the site's pages.
        let loose = try fixture.cleaned(RepeatThresholds(minShare: 0.3))
        #expect(loose[0].blocks.contains { $0.text == syndicated && $0.isKept })
    }

    @Test func otherSitesAndUnknownSitesAreUntouched() throws {
        var fixture = site()
        fixture.add(site: "other.org", id: "o1", ["• Home", "Follow us on Twitter"])
        fixture.documents.append(Document(id: "nosite", blocks: fixture.documents[0].blocks, site: nil))
        let documents = try fixture.cleaned()
        #expect(dropped(documents[10]).isEmpty)
        #expect(dropped(documents[11]).isEmpty)
    }

    @Test func linesAlreadyDroppedKeepTheirFirstReason() throws {
        struct DropFirst: Stage {
            let id = "drop-first"
            func process(_ document: inout Document) throws(WinnowError) {
                document.blocks[0].verdict = .drop("nav.menu", "menu entry")
            }
        }
        let documents = try site().cleaned(before: [DropFirst()])
        #expect(documents[0].blocks[0].verdict?.reason.ruleID == "nav.menu")
        #expect(documents[0].blocks[1].verdict?.reason.ruleID == RepeatedLineStage.ruleID)
    }

    @Test func anIsolatedRepeatNeedsAHigherShare() throws {
        // A series tagline inside the article text on 7 of 10 pages (70%), with article text on
        // both sides: under the isolated share (0.8), kept. The same share in a run of two
        // repeated lines (a footer) is dropped.
        var fixture = RepeatFixture()
        for page in 0..<10 {
            var lines = ["Opening paragraph about \(topics[page]) and why it matters today."]
            if page < 7 { lines.append("Part of our series on everyday things.") }
            lines.append("Closing paragraph about \(topics[page]) with more detail.")
            if page < 7 { lines += ["Contact the newsroom", "Corrections policy"] }
            fixture.add(site: "s.example", id: "s\(page)", lines)
        }
        let documents = try fixture.cleaned()
        #expect(dropped(documents[0]) == ["Contact the newsroom", "Corrections policy"])
        let strict = try fixture.cleaned(RepeatThresholds(isolatedShare: 0.7))
        #expect(dropped(strict[0]) == ["Part of our series on everyday things.", "Contact the newsroom", "Corrections policy"])
    }
}
