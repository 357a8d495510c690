/// Builds a `RepeatProfile` one document at a time, within a cap on distinct entries.
///
/// Documents may arrive in any order: counts are sums, and the site limit and sampling levels
/// that the cap forces are the largest limit and the smallest levels at which all the entries
/// seen fit (see `RepeatProfile`). Seeing more entries can only lower the limit and raise the
/// levels, so the final profile is the same for every order.
public struct RepeatCounter: Sendable {
    private var siteIndex: [String: Int] = [:]
    private var names: [String] = []
    private var documents: [UInt64] = []
    private var tables: [LineCountTable] = []
    private var histograms: [LeadingZeroHistogram] = []
    private var levels: [Int] = []
    /// The site of the previous document and its index.
    private var lastSite: (name: String, index: Int)?
    /// The current per-site limit (log2; `RepeatProfile.noSiteLimit` until the cap is reached).
    public private(set) var siteLimitLog2 = RepeatProfile.noSiteLimit
    /// Distinct (site, line) entries held.
    public private(set) var entryCount = 0
    public let maxEntries: Int

    public init(maxEntries: Int = RepeatProfile.defaultMaxEntries) {
        self.maxEntries = max(0, maxEntries)
    }

    /// The highest sampling level of any site (0: every line counted).
    public var samplingLevel: Int { levels.max() ?? 0 }

    /// Counts one document of `site` whose distinct line hashes are `fingerprints` (duplicates
    /// within the document must already be removed: a line counts once per document).
    public mutating func addDocument(site: String, fingerprints: [UInt64]) {
        let index: Int
        if let last = lastSite, last.name == site {
            // Documents of one site mostly arrive together: a string comparison instead of a
            // dictionary lookup (which hashes the whole name).
            index = last.index
        } else if let known = siteIndex[site] {
            index = known
        } else {
            index = names.count
            siteIndex[site] = index
            names.append(site)
            documents.append(0)
            tables.append(LineCountTable())
            histograms.append(LeadingZeroHistogram())
            levels.append(0)
        }
        lastSite = (site, index)
        documents[index] += 1
        let level = levels[index]
        let before = tables[index].count
        // Both updated in place through the array subscripts (a local copy of the histogram
        // would copy its storage once per document).
        for hash in fingerprints where RepeatProfile.isSampled(hash, level: level) {
            if tables[index].increment(hash) { histograms[index].add(hash) }
        }
        entryCount += tables[index].count - before
        if tables[index].count > RepeatProfile.siteLimit(log2: siteLimitLog2) { fit(index) }
        if entryCount > maxEntries {
            siteLimitLog2 = LeadingZeroHistogram.fittingLimit(
                histograms, levels: levels, fromLog2: siteLimitLog2, maxEntries: maxEntries)
            for index in tables.indices { fit(index) }
        }
    }

    /// Raises the site's sampling level until its entries fit under the site limit.
    private mutating func fit(_ index: Int) {
        let level = histograms[index].level(fitting: RepeatProfile.siteLimit(log2: siteLimitLog2), from: levels[index])
        guard level != levels[index] else { return }
        levels[index] = level
        histograms[index].sample(at: level)
        entryCount -= tables[index].count
        tables[index] = tables[index].filter { RepeatProfile.isSampled($0, level: level) }
        entryCount += tables[index].count
    }

    /// Adds another counter's documents and lines (for counters built on separate workers).
    public mutating func add(_ other: RepeatCounter) {
        var profile = self.profile()
        profile = profile.merged(with: other.profile(), maxEntries: maxEntries)
        self = RepeatCounter(profile, maxEntries: maxEntries)
    }

    private init(_ profile: RepeatProfile, maxEntries: Int) {
        self.maxEntries = maxEntries
        siteLimitLog2 = profile.siteLimitLog2
        for site in profile.sites {
            siteIndex[site.name] = names.count
            names.append(site.name)
            documents.append(site.documents)
            var table = LineCountTable(capacity: site.hashes.count)
            var histogram = LeadingZeroHistogram()
            for (hash, count) in zip(site.hashes, site.counts) {
                table.insert(hash, value: count)
                histogram.add(hash)
            }
            tables.append(table)
            histograms.append(histogram)
            levels.append(site.samplingLevel)
            entryCount += site.hashes.count
        }
    }

    /// The profile: sites sorted by name, entries sorted by hash.
    public func profile() -> RepeatProfile {
        var sites: [RepeatProfile.Site] = []
        sites.reserveCapacity(names.count)
        for index in names.indices {
            let (hashes, counts) = tables[index].sortedEntries()
            sites.append(
                RepeatProfile.Site(
                    name: names[index], documents: documents[index], hashes: hashes, counts: counts,
                    samplingLevel: levels[index]))
        }
        sites.sort { RepeatProfile.precedes($0.name, $1.name) }
        return RepeatProfile(sites: sites, siteLimitLog2: siteLimitLog2)
    }
}
