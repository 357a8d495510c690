/// For each site, in how many distinct documents each normalised line occurs, and how many
/// documents the site has: what `winnow profile` writes and `clean --profile` reads.
///
/// Sites are sorted by name (UTF-8 byte order) and each site's entries by line hash, so equal
/// profiles have equal bytes on disk and two profiles merge with one linear pass.
///
/// **Bounded memory, sampled per site.** A profile holds at most `maxEntries` (site, line)
/// entries. Each site has its own sampling level: at level `k` only lines whose hash has its
/// top `k` bits zero are counted (one line in 2^k, the same lines in every shard). While the
/// whole input fits under the cap, every site is at level 0 (exact). When it does not, a
/// per-site limit comes in: the largest power of two `2^j` such that, with each site at the
/// smallest level at which its entries fit under `2^j`, the total fits under the cap. So a
/// huge site is sampled while the small sites next to it stay exact (a site is only sampled
/// when it alone holds more than `2^j` entries). The counts kept stay exact; lines outside a
/// site's sample are unknown, so `clean` keeps them (a cap can only let boilerplate through,
/// never drop article text). The limit and the levels are the largest and the smallest that
/// fit the whole input, so the result does not depend on the order of the inputs, on
/// `--jobs`, or on how the corpus was sharded before a merge (with the same cap). With more
/// sites than the cap, the cap is exceeded by at most one entry per site (limit 2^0).
public struct RepeatProfile: Sendable, Equatable {
    /// One site's table.
    public struct Site: Sendable, Equatable {
        /// The site key (a host, a directory name, `(root)`, `(all)`…).
        public var name: String
        /// Documents of this site that were read (all of them, sampled or not).
        public var documents: UInt64
        /// Line hashes, strictly increasing.
        public var hashes: [UInt64]
        /// `counts[i]`: distinct documents of this site holding the line `hashes[i]`.
        public var counts: [UInt32]
        /// 0 when every line of the site is counted; k when only lines whose hash has its top
        /// k bits zero are.
        public var samplingLevel: Int

        public init(
            name: String, documents: UInt64, hashes: [UInt64] = [], counts: [UInt32] = [], samplingLevel: Int = 0
        ) {
            self.name = name
            self.documents = documents
            self.hashes = hashes
            self.counts = counts
            self.samplingLevel = samplingLevel
        }

        /// In how many documents the line occurs (0 when unknown).
        public func count(of hash: UInt64) -> UInt32 {
            var low = 0
            var high = hashes.count
            while low < high {
                let middle = (low + high) / 2
                if hashes[middle] < hash { low = middle + 1 } else { high = middle }
            }
            return low < hashes.count && hashes[low] == hash ? counts[low] : 0
        }
    }

    /// Default cap on (site, line) entries: about 12 bytes each on disk and 20–40 in memory
    /// while counting, so roughly 100–160 MB of RAM at the cap.
    public static let defaultMaxEntries = 4_000_000

    /// Sites sorted by name.
    public var sites: [Site]
    /// log2 of the most entries one site may hold, or `noSiteLimit` while the cap was never
    /// reached.
    public var siteLimitLog2: Int

    /// `siteLimitLog2` when sites are not limited.
    public static let noSiteLimit = 64

    public init(sites: [Site] = [], siteLimitLog2: Int = RepeatProfile.noSiteLimit) {
        self.sites = sites
        self.siteLimitLog2 = siteLimitLog2
    }

    /// The highest sampling level of any site (0 when every line of every site is counted).
    public var samplingLevel: Int { sites.reduce(0) { max($0, $1.samplingLevel) } }
    /// Sites whose lines are sampled.
    public var sampledSiteCount: Int { sites.reduce(0) { $0 + ($1.samplingLevel > 0 ? 1 : 0) } }

    /// The most entries one site may hold under `siteLimitLog2`.
    public static func siteLimit(log2: Int) -> Int { log2 >= 63 ? Int.max : 1 << max(0, log2) }

    /// Entries over all sites.
    public var entryCount: Int { sites.reduce(0) { $0 + $1.hashes.count } }
    /// Documents over all sites.
    public var documentCount: UInt64 { sites.reduce(0) { $0 + $1.documents } }

    /// The site called `name`, if any.
    public func site(named name: String) -> Site? {
        var low = 0
        var high = sites.count
        while low < high {
            let middle = (low + high) / 2
            if Self.precedes(sites[middle].name, name) { low = middle + 1 } else { high = middle }
        }
        return low < sites.count && sites[low].name == name ? sites[low] : nil
    }

    /// True when a line with this hash is counted at `level`.
    @inlinable
    public static func isSampled(_ hash: UInt64, level: Int) -> Bool {
        level <= 0 || (level < 64 ? hash >> UInt64(64 - level) == 0 : hash == 0)
    }

    /// UTF-8 byte order, the same on every machine and locale.
    static func precedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// The exact union of two profiles: document counts and line counts are added site by
    /// site, each site at the higher of its two sampling levels, under the lower of the two
    /// site limits. Associative and commutative; the cap is then enforced as described above.
    public func merged(with other: RepeatProfile, maxEntries: Int = RepeatProfile.defaultMaxEntries) -> RepeatProfile {
        var result: [Site] = []
        result.reserveCapacity(sites.count + other.sites.count)
        var i = 0
        var j = 0
        while i < sites.count || j < other.sites.count {
            if j == other.sites.count || (i < sites.count && Self.precedes(sites[i].name, other.sites[j].name)) {
                result.append(sites[i])
                i += 1
            } else if i == sites.count || Self.precedes(other.sites[j].name, sites[i].name) {
                result.append(other.sites[j])
                j += 1
            } else {
                result.append(Site.merging(sites[i], other.sites[j]))
                i += 1
                j += 1
            }
        }
        var merged = RepeatProfile(sites: result, siteLimitLog2: min(siteLimitLog2, other.siteLimitLog2))
        merged.enforceCap(maxEntries)
        return merged
    }

    /// Lowers the site limit until the entries fit under `maxEntries` and raises each site's
    /// sampling level until it fits under the limit (see the type's description).
    public mutating func enforceCap(_ maxEntries: Int) {
        let histograms = sites.map { site in
            var histogram = LeadingZeroHistogram()
            for hash in site.hashes { histogram.add(hash) }
            return histogram
        }
        let levels = sites.map(\.samplingLevel)
        siteLimitLog2 = LeadingZeroHistogram.fittingLimit(
            histograms, levels: levels, fromLog2: siteLimitLog2, maxEntries: maxEntries)
        let limit = Self.siteLimit(log2: siteLimitLog2)
        for index in sites.indices {
            let level = histograms[index].level(fitting: limit, from: levels[index])
            if level != sites[index].samplingLevel { sites[index] = sites[index].sampled(at: level) }
        }
    }
}

/// A site's entry count by the number of leading zero bits of the line hash (0…64), from
/// which the entries it would keep at each sampling level follow.
struct LeadingZeroHistogram: Sendable {
    var counts = [Int](repeating: 0, count: 65)

    mutating func add(_ hash: UInt64) { counts[hash.leadingZeroBitCount] += 1 }

    /// Forgets the entries a site drops at `level`.
    mutating func sample(at level: Int) {
        for bits in 0..<min(level, 65) { counts[bits] = 0 }
    }

    /// Entries counted at sampling level `level`.
    func entries(at level: Int) -> Int {
        var total = 0
        for bits in min(max(level, 0), 65)..<65 { total += counts[bits] }
        return total
    }

    /// The smallest level from `current` on at which at most `limit` entries are counted.
    func level(fitting limit: Int, from current: Int) -> Int {
        var level = current
        var entries = entries(at: level)
        while entries > limit && level < 64 {
            entries -= counts[level]
            level += 1
        }
        return level
    }

    /// The largest site limit (log2, from `fromLog2` down) at which all sites, each at the
    /// level `level(fitting:from:)` gives, hold at most `maxEntries` entries; 0 when none does.
    static func fittingLimit(_ histograms: [Self], levels: [Int], fromLog2: Int, maxEntries: Int) -> Int {
        var log2 = fromLog2
        while log2 > 0 {
            let limit = RepeatProfile.siteLimit(log2: log2)
            var total = 0
            for index in histograms.indices {
                let histogram = histograms[index]
                total += histogram.entries(at: histogram.level(fitting: limit, from: levels[index]))
            }
            if total <= maxEntries { break }
            log2 = log2 == RepeatProfile.noSiteLimit ? 62 : log2 - 1
        }
        return log2
    }
}

extension RepeatProfile.Site {
    /// The entries of this site that are counted at `level` (at least its current level).
    func sampled(at level: Int) -> Self {
        guard level > samplingLevel else { return self }
        var copy = Self(name: name, documents: documents, samplingLevel: level)
        for index in hashes.indices where RepeatProfile.isSampled(hashes[index], level: level) {
            copy.hashes.append(hashes[index])
            copy.counts.append(counts[index])
        }
        return copy
    }

    /// Merge-join of two sorted tables of the same site, adding counts (saturating), at the
    /// higher of the two sampling levels.
    static func merging(_ a: Self, _ b: Self) -> Self {
        let level = max(a.samplingLevel, b.samplingLevel)
        var out = Self(name: a.name, documents: a.documents &+ b.documents, samplingLevel: level)
        out.hashes.reserveCapacity(a.hashes.count + b.hashes.count)
        out.counts.reserveCapacity(a.hashes.count + b.hashes.count)
        var i = 0
        var j = 0
        let aCount = a.hashes.count
        let bCount = b.hashes.count
        while i < aCount || j < bCount {
            let hash: UInt64
            let count: UInt32
            if j == bCount || (i < aCount && a.hashes[i] < b.hashes[j]) {
                hash = a.hashes[i]
                count = a.counts[i]
                i += 1
            } else if i == aCount || b.hashes[j] < a.hashes[i] {
                hash = b.hashes[j]
                count = b.counts[j]
                j += 1
            } else {
                hash = a.hashes[i]
                let (sum, overflow) = a.counts[i].addingReportingOverflow(b.counts[j])
                count = overflow ? UInt32.max : sum
                i += 1
                j += 1
            }
            if level == 0 || RepeatProfile.isSampled(hash, level: level) {
                out.hashes.append(hash)
                out.counts.append(count)
            }
        }
        return out
    }
}
