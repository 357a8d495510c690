/// For each site, in how many distinct documents each normalised line occurs, and how many
/// documents the site has: what `winnow profile` writes and `clean --profile` reads.
///
/// Sites are sorted by name (UTF-8 byte order) and each site's entries by line hash, so equal
/// profiles have equal bytes on disk and two profiles merge with one linear pass.
///
/// **Bounded memory.** A profile holds at most `maxEntries` (site, line) entries. When more
/// distinct entries turn up, it switches to hash sampling: at sampling level `k` only lines
/// whose hash has its top `k` bits zero are counted (one line in 2^k, the same lines on every
/// site and in every shard), and the level rises one step at a time until the entries fit.
/// The counts it keeps stay exact; lines outside the sample are simply unknown, so `clean`
/// keeps them (a cap can only let boilerplate through, never drop article text). The level is
/// the smallest one at which the whole input fits, so the result does not depend on the order
/// of the inputs, on `--jobs`, or on how the corpus was sharded before a merge.
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

        public init(name: String, documents: UInt64, hashes: [UInt64] = [], counts: [UInt32] = []) {
            self.name = name
            self.documents = documents
            self.hashes = hashes
            self.counts = counts
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
    /// 0 when every line is counted; k when only lines whose hash has its top k bits zero are.
    public var samplingLevel: Int

    public init(sites: [Site] = [], samplingLevel: Int = 0) {
        self.sites = sites
        self.samplingLevel = samplingLevel
    }

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
    /// site. Associative and commutative; the cap is then enforced as described above.
    public func merged(with other: RepeatProfile, maxEntries: Int = RepeatProfile.defaultMaxEntries) -> RepeatProfile {
        let level = max(samplingLevel, other.samplingLevel)
        var result: [Site] = []
        result.reserveCapacity(sites.count + other.sites.count)
        var i = 0
        var j = 0
        while i < sites.count || j < other.sites.count {
            if j == other.sites.count || (i < sites.count && Self.precedes(sites[i].name, other.sites[j].name)) {
                result.append(sites[i].sampled(at: level))
                i += 1
            } else if i == sites.count || Self.precedes(other.sites[j].name, sites[i].name) {
                result.append(other.sites[j].sampled(at: level))
                j += 1
            } else {
                result.append(Site.merging(sites[i], other.sites[j], level: level))
                i += 1
                j += 1
            }
        }
        var merged = RepeatProfile(sites: result, samplingLevel: level)
        merged.enforceCap(maxEntries)
        return merged
    }

    /// Raises the sampling level until at most `maxEntries` entries remain.
    public mutating func enforceCap(_ maxEntries: Int) {
        var entries = entryCount
        while entries > max(0, maxEntries) && samplingLevel < 64 {
            samplingLevel += 1
            entries = 0
            for index in sites.indices {
                sites[index] = sites[index].sampled(at: samplingLevel)
                entries += sites[index].hashes.count
            }
        }
    }
}

extension RepeatProfile.Site {
    /// The entries of this site that are counted at `level`.
    func sampled(at level: Int) -> Self {
        guard level > 0 else { return self }
        var copy = Self(name: name, documents: documents)
        for index in hashes.indices where RepeatProfile.isSampled(hashes[index], level: level) {
            copy.hashes.append(hashes[index])
            copy.counts.append(counts[index])
        }
        return copy
    }

    /// Merge-join of two sorted tables of the same site, adding counts (saturating).
    static func merging(_ a: Self, _ b: Self, level: Int) -> Self {
        var out = Self(name: a.name, documents: a.documents &+ b.documents)
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
