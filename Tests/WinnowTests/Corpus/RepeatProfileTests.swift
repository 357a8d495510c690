import Testing
import Winnow

/// A small deterministic generator, so the tests need no randomness from the system.

/// Documents as (site, distinct line hashes), drawn from a small vocabulary so lines repeat.
func sampleDocuments(count: Int, seed: UInt64, vocabulary: Int = 400) -> [(String, [UInt64])] {
    var random = SplitMix(state: seed)
    var documents: [(String, [UInt64])] = []
    for _ in 0..<count {
        let site = ["a.com", "b.org", "c.net"][random.below(3)]
        var lines = Set<UInt64>()
        for _ in 0..<(5 + random.below(30)) { lines.insert(StableHash.hash(Array("line \(random.below(vocabulary))".utf8))) }
        documents.append((site, lines.sorted()))
    }
    return documents
}

func profile(of documents: some Sequence<(String, [UInt64])>, maxEntries: Int = RepeatProfile.defaultMaxEntries) -> RepeatProfile {
    var counter = RepeatCounter(maxEntries: maxEntries)
    for (site, lines) in documents { counter.addDocument(site: site, fingerprints: lines) }
    return counter.profile()
}

@Suite struct RepeatProfileTests {
    @Test func countsDistinctDocumentsPerSite() {
        var counter = RepeatCounter()
        counter.addDocument(site: "a.com", fingerprints: [1, 2])
        counter.addDocument(site: "a.com", fingerprints: [2, 3])
        counter.addDocument(site: "b.org", fingerprints: [2])
        let profile = counter.profile()
        #expect(profile.sites.map(\.name) == ["a.com", "b.org"])
        #expect(profile.site(named: "a.com")?.documents == 2)
        #expect(profile.site(named: "a.com")?.count(of: 2) == 2)
        #expect(profile.site(named: "a.com")?.count(of: 4) == 0)
        #expect(profile.site(named: "b.org")?.count(of: 2) == 1)
        #expect(profile.entryCount == 4)
    }

    @Test(arguments: [RepeatProfile.defaultMaxEntries, 300, 100])
    func inputOrderDoesNotMatter(maxEntries: Int) {
        let documents = sampleDocuments(count: 300, seed: 7)
        let forward = profile(of: documents, maxEntries: maxEntries)
        let backward = profile(of: documents.reversed(), maxEntries: maxEntries)
        var random = SplitMix(state: 99)
        var shuffled = documents
        for index in shuffled.indices.reversed() { shuffled.swapAt(index, random.below(index + 1)) }
        #expect(forward == backward)
        #expect(forward == profile(of: shuffled, maxEntries: maxEntries))
        #expect(forward.encoded() == profile(of: shuffled, maxEntries: maxEntries).encoded())
        #expect(forward.entryCount <= maxEntries)
        if maxEntries < 1000 { #expect(forward.samplingLevel > 0) }
    }

    @Test(arguments: [RepeatProfile.defaultMaxEntries, 250])
    func mergeIsAssociativeCommutativeAndExact(maxEntries: Int) {
        let documents = sampleDocuments(count: 240, seed: 11)
        let a = profile(of: documents[0..<60], maxEntries: maxEntries)
        let b = profile(of: documents[60..<150], maxEntries: maxEntries)
        let c = profile(of: documents[150...], maxEntries: maxEntries)
        let whole = profile(of: documents, maxEntries: maxEntries)
        let abC = a.merged(with: b, maxEntries: maxEntries).merged(with: c, maxEntries: maxEntries)
        let aBC = a.merged(with: b.merged(with: c, maxEntries: maxEntries), maxEntries: maxEntries)
        let cba = c.merged(with: b, maxEntries: maxEntries).merged(with: a, maxEntries: maxEntries)
        #expect(abC == aBC)
        #expect(abC == cba)
        #expect(a.merged(with: b, maxEntries: maxEntries) == b.merged(with: a, maxEntries: maxEntries))
        #expect(abC == whole)
    }

    @Test func capKeepsExactCountsForTheSampledLines() {
        let documents = sampleDocuments(count: 200, seed: 3)
        let full = profile(of: documents)
        let capped = profile(of: documents, maxEntries: 200)
        #expect(capped.samplingLevel > 0)
        for site in capped.sites {
            let reference = full.site(named: site.name)
            #expect(reference?.documents == site.documents)
            for (hash, count) in zip(site.hashes, site.counts) {
                #expect(reference?.count(of: hash) == count)
                #expect(RepeatProfile.isSampled(hash, level: site.samplingLevel))
            }
        }
    }

    @Test func fileRoundTripIsByteExact() throws {
        let original = profile(of: sampleDocuments(count: 100, seed: 5), maxEntries: 150)
        let bytes = original.encoded()
        let decoded = try RepeatProfile(decoding: bytes, path: "p.profile")
        #expect(decoded == original)
        #expect(decoded.encoded() == bytes)
        #expect(Array(bytes.prefix(8)) == [0x89, 0x57, 0x4E, 0x50, 0x52, 0x4F, 0x46, 0x0A])
        #expect(bytes.count == 48 + original.sites.reduce(0) { $0 + 24 + $1.name.utf8.count } + original.entryCount * 12)
    }

    @Test func emptyProfileRoundTrips() throws {
        let bytes = RepeatProfile().encoded()
        #expect(try RepeatProfile(decoding: bytes, path: "e") == RepeatProfile())
    }

    @Test func corruptOrForeignFilesAreRefused() {
        let bytes = profile(of: sampleDocuments(count: 30, seed: 1)).encoded()
        func message(_ data: [UInt8]) -> String? {
            do {
                _ = try RepeatProfile(decoding: data, path: "x.profile")
                return nil
            } catch {
                return error.description
            }
        }
        #expect(message(Array("{\"not\": \"a profile\"}\n".utf8))?.contains("not a profile file") == true)
        #expect(message([])?.contains("not a profile file") == true)
        #expect(message(Array(bytes.prefix(bytes.count / 2)))?.contains("x.profile: not a usable winnow profile") == true)
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x40
        #expect(message(flipped)?.contains("checksum") == true)
        var newer = bytes
        newer[8] = 9
        #expect(message(newer)?.contains("format version 9") == true)
        for length in [0, 7, 8, 12, 40, 55] {
            #expect(message(Array(bytes.prefix(length))) != nil)
        }
        #expect(message(bytes) == nil)
    }

    /// One huge site and many small ones: over the cap, only the huge site is sampled, the
    /// small ones stay exact, and the result is the same in any order and after any sharding.
    @Test func theCapSamplesTheHugeSiteAndKeepsSmallSitesExact() {
        var random = SplitMix(state: 21)
        var documents: [(String, [UInt64])] = []
        for page in 0..<400 {
            // huge.com: 50 new lines on every page (20,000 in all) plus a menu.
            documents.append(("huge.com", ((0..<50).map { _ in random.next() } + [1, 2, 3]).sorted()))
            if page < 200 {
                let site = "small\(page % 20).org"
                documents.append((site, [StableHash.hash(Array("menu \(site)".utf8)), random.next()].sorted()))
            }
        }
        let full = profile(of: documents)
        let capped = profile(of: documents, maxEntries: 5000)
        #expect(full.samplingLevel == 0)
        #expect(capped.entryCount <= 5000)
        #expect(capped.siteLimitLog2 < RepeatProfile.noSiteLimit)
        for site in capped.sites {
            if site.name == "huge.com" {
                #expect(site.samplingLevel > 0)
                #expect(site.hashes.count <= RepeatProfile.siteLimit(log2: capped.siteLimitLog2))
            } else {
                #expect(site.samplingLevel == 0)
                #expect(site == full.site(named: site.name))
            }
        }
        #expect(capped.sampledSiteCount == 1)
        // Order and sharding do not matter.
        var shuffled = documents
        for index in shuffled.indices.reversed() { shuffled.swapAt(index, random.below(index + 1)) }
        #expect(profile(of: shuffled, maxEntries: 5000).encoded() == capped.encoded())
        let a = profile(of: shuffled[..<150], maxEntries: 5000)
        let b = profile(of: shuffled[150..<500], maxEntries: 5000)
        let c = profile(of: shuffled[500...], maxEntries: 5000)
        #expect(a.merged(with: b, maxEntries: 5000).merged(with: c, maxEntries: 5000) == capped)
        #expect(c.merged(with: a.merged(with: b, maxEntries: 5000), maxEntries: 5000) == capped)
        // The file keeps the levels and the limit.
        #expect((try? RepeatProfile(decoding: capped.encoded(), path: "c")) == capped)
    }
}
