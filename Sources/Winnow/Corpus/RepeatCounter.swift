/// Builds a `RepeatProfile` one document at a time, within a cap on distinct entries.
///
/// Documents may arrive in any order: counts are sums, and the sampling level that the cap
/// forces is the smallest one at which all the entries seen fit (see `RepeatProfile`), so the
/// final profile is the same for every order.
public struct RepeatCounter: Sendable {
    private var siteIndex: [String: Int] = [:]
    private var names: [String] = []
    private var documents: [UInt64] = []
    private var tables: [[UInt64: UInt32]] = []
    /// Current sampling level (0: every line counted).
    public private(set) var samplingLevel = 0
    /// Distinct (site, line) entries held.
    public private(set) var entryCount = 0
    public let maxEntries: Int

    public init(maxEntries: Int = RepeatProfile.defaultMaxEntries) {
        self.maxEntries = max(0, maxEntries)
    }

    /// Counts one document of `site` whose distinct line hashes are `fingerprints` (duplicates
    /// within the document must already be removed: a line counts once per document).
    public mutating func addDocument(site: String, fingerprints: [UInt64]) {
        let index: Int
        if let known = siteIndex[site] {
            index = known
        } else {
            index = names.count
            siteIndex[site] = index
            names.append(site)
            documents.append(0)
            tables.append([:])
        }
        documents[index] += 1
        let level = samplingLevel
        let before = tables[index].count
        for hash in fingerprints where RepeatProfile.isSampled(hash, level: level) {
            Self.increment(&tables[index][hash, default: 0])
        }
        entryCount += tables[index].count - before
        if entryCount > maxEntries { evict() }
    }

    /// Adds another counter's documents and lines (for counters built on separate workers).
    public mutating func add(_ other: RepeatCounter) {
        var profile = self.profile()
        profile = profile.merged(with: other.profile(), maxEntries: maxEntries)
        self = RepeatCounter(profile, maxEntries: maxEntries)
    }

    private init(_ profile: RepeatProfile, maxEntries: Int) {
        self.maxEntries = maxEntries
        samplingLevel = profile.samplingLevel
        for site in profile.sites {
            siteIndex[site.name] = names.count
            names.append(site.name)
            documents.append(site.documents)
            var table: [UInt64: UInt32] = [:]
            table.reserveCapacity(site.hashes.count)
            for (hash, count) in zip(site.hashes, site.counts) { table[hash] = count }
            tables.append(table)
            entryCount += site.hashes.count
        }
    }

    @inline(__always)
    private static func increment(_ count: inout UInt32) {
        if count != UInt32.max { count += 1 }
    }

    private mutating func evict() {
        while entryCount > maxEntries && samplingLevel < 64 {
            samplingLevel += 1
            let level = samplingLevel
            entryCount = 0
            for index in tables.indices {
                tables[index] = tables[index].filter { RepeatProfile.isSampled($0.key, level: level) }
                entryCount += tables[index].count
            }
        }
    }

    /// The profile: sites sorted by name, entries sorted by hash.
    public func profile() -> RepeatProfile {
        var sites: [RepeatProfile.Site] = []
        sites.reserveCapacity(names.count)
        for index in names.indices {
            let sorted = tables[index].sorted { $0.key < $1.key }
            sites.append(
                RepeatProfile.Site(
                    name: names[index], documents: documents[index], hashes: sorted.map(\.key),
                    counts: sorted.map(\.value)))
        }
        sites.sort { RepeatProfile.precedes($0.name, $1.name) }
        return RepeatProfile(sites: sites, samplingLevel: samplingLevel)
    }
}
