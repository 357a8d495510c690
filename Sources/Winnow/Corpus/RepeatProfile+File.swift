/// The profile file format, version 2 (all integers little-endian):
///
/// ```
/// magic            8 bytes  89 57 4E 50 52 4F 46 0A   ("\x89WNPROF\n", PNG-style: a text-mode
///                                                    copy or a foreign file fails at once)
/// format version   u32      2
/// normaliser       u32      LineFingerprint.version
/// sampling level   u32      0…64, the highest level of any site (for reports)
/// site limit       u32      log2 of the per-site entry limit, 0…63; 64 = no limit
/// site count       u64
/// entry count      u64      sum of the sites' entry counts
/// sites            site count × { name length u32, name UTF-8, documents u64, entries u64,
///                           sampling level u32 }, sorted by name (UTF-8 byte order), names unique
/// entries          for each site in order: entries × { line hash u64, documents u32 },
///                           hashes strictly increasing and in the site's sample,
///                           1 ≤ documents ≤ the site's documents
/// checksum         u64      StableHash of every byte before it
/// ```
///
/// Version 1 (one sampling level for all sites, in the header; no site limit; no level per
/// site) is still read. The same profile always gives the same bytes. Anything else
/// (truncation, a flipped bit, a newer version, another normaliser) is refused with
/// `WinnowError.invalidProfile`.
extension RepeatProfile {
    static let magic: [UInt8] = [0x89, 0x57, 0x4E, 0x50, 0x52, 0x4F, 0x46, 0x0A]
    /// The format version this build writes and reads.
    public static let formatVersion: UInt32 = 2

    /// The profile as file bytes.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        let entries = entryCount
        out.reserveCapacity(64 + sites.reduce(0) { $0 + 24 + $1.name.utf8.count } + entries * 12)
        out.append(contentsOf: Self.magic)
        Self.append(Self.formatVersion, to: &out)
        Self.append(LineFingerprint.version, to: &out)
        Self.append(UInt32(samplingLevel), to: &out)
        Self.append(UInt32(siteLimitLog2), to: &out)
        Self.append(UInt64(sites.count), to: &out)
        Self.append(UInt64(entries), to: &out)
        for site in sites {
            Self.append(UInt32(site.name.utf8.count), to: &out)
            out.append(contentsOf: site.name.utf8)
            Self.append(site.documents, to: &out)
            Self.append(UInt64(site.hashes.count), to: &out)
            Self.append(UInt32(site.samplingLevel), to: &out)
        }
        for site in sites {
            for index in site.hashes.indices {
                Self.append(site.hashes[index], to: &out)
                Self.append(site.counts[index], to: &out)
            }
        }
        Self.append(Self.checksum(out[...]), to: &out)
        return out
    }

    /// Reads a profile from file bytes; `path` names the file in the error.
    public init(decoding bytes: [UInt8], path: String) throws(WinnowError) {
        func fail(_ detail: String) -> WinnowError { .invalidProfile(path: path, detail: detail) }
        guard bytes.count >= Self.magic.count, Array(bytes[0..<Self.magic.count]) == Self.magic else {
            throw fail("not a profile file (made by `winnow profile`)")
        }
        var reader = ByteReader(bytes: bytes, offset: Self.magic.count)
        guard let version = reader.u32() else { throw fail("truncated header") }
        guard version == Self.formatVersion || version == 1 else {
            throw fail("format version \(version); this winnow reads versions 1 to \(Self.formatVersion)")
        }
        guard bytes.count >= 48 else { throw fail("truncated header") }
        let body = bytes[0..<(bytes.count - 8)]
        var tail = ByteReader(bytes: bytes, offset: bytes.count - 8)
        guard tail.u64() == Self.checksum(body) else { throw fail("checksum mismatch (truncated or damaged file)") }
        guard let normaliser = reader.u32(), let level = reader.u32(), let limit = reader.u32(),
            let siteCount = reader.u64(), let entryTotal = reader.u64()
        else { throw fail("truncated header") }
        // Version 1: one level for every site in the header, and a reserved 0 for the limit.
        let siteLimitLog2 = version == 1 ? UInt32(Self.noSiteLimit) : limit
        guard normaliser == LineFingerprint.version else {
            throw fail("made with line normaliser \(normaliser); this winnow uses \(LineFingerprint.version); rebuild it")
        }
        guard level <= 64, limit <= 64, version == 2 || limit == 0 else { throw fail("invalid header fields") }
        let size = UInt64(body.count)
        guard siteCount <= size / 20, entryTotal <= size / 12 else { throw fail("counts larger than the file") }
        var sites: [Site] = []
        sites.reserveCapacity(Int(siteCount))
        var entryCounts: [Int] = []
        var sum: UInt64 = 0
        for _ in 0..<siteCount {
            guard let length = reader.u32(), let name = reader.string(length: Int(length)), let documents = reader.u64(),
                let entries = reader.u64(), let siteLevel = version == 1 ? level : reader.u32()
            else { throw fail("truncated site table") }
            guard siteLevel <= 64 else { throw fail("invalid sampling level \(siteLevel) for site '\(name)'") }
            if let last = sites.last, !Self.precedes(last.name, name) {
                throw fail("sites out of order or repeated ('\(name)')")
            }
            guard entries <= size / 12 else { throw fail("site '\(name)' claims more entries than the file holds") }
            sum += entries
            sites.append(Site(name: name, documents: documents, samplingLevel: Int(siteLevel)))
            entryCounts.append(Int(entries))
        }
        guard sum == entryTotal else { throw fail("entry count \(entryTotal) does not match the sites' \(sum)") }
        guard reader.offset + Int(entryTotal) * 12 == body.count else { throw fail("file size does not match its entry count") }
        for index in sites.indices {
            let count = entryCounts[index]
            var hashes: [UInt64] = []
            var counts: [UInt32] = []
            hashes.reserveCapacity(count)
            counts.reserveCapacity(count)
            let documents = sites[index].documents
            for _ in 0..<count {
                guard let hash = reader.u64(), let documentCount = reader.u32() else { throw fail("truncated entries") }
                if let last = hashes.last, last >= hash { throw fail("entries of site '\(sites[index].name)' out of order") }
                guard RepeatProfile.isSampled(hash, level: sites[index].samplingLevel) else {
                    throw fail("entry outside the sample of site '\(sites[index].name)'")
                }
                guard documentCount >= 1, UInt64(documentCount) <= documents else {
                    throw fail("entry count \(documentCount) outside 1…\(documents) in site '\(sites[index].name)'")
                }
                hashes.append(hash)
                counts.append(documentCount)
            }
            sites[index].hashes = hashes
            sites[index].counts = counts
        }
        self.init(sites: sites, siteLimitLog2: Int(siteLimitLog2))
    }

    /// Reads profile files and merges them (in any order: the merge is order-independent).
    public init(merging paths: [String], maxEntries: Int) throws(WinnowError) {
        var merged = RepeatProfile()
        for path in paths {
            merged = merged.merged(with: try RepeatProfile(contentsOf: path), maxEntries: maxEntries)
        }
        self = merged
    }

    /// Reads a profile file.
    public init(contentsOf path: String) throws(WinnowError) {
        let bytes: [UInt8]
        do throws(WinnowError) {
            bytes = try FileIO.readAll(path: path)
        } catch {
            // The read error's own detail: its description repeats the path and adds
            // "; skipped" (`x: not a usable winnow profile: cannot read: x: cannot read: …`).
            let detail = if case .unreadableFile(_, let reason) = error { reason } else { error.description }
            throw .invalidProfile(path: path, detail: "cannot read: \(detail)")
        }
        try self.init(decoding: bytes, path: path)
    }

    /// Writes the profile atomically; returns the file's size in bytes.
    @discardableResult
    public func write(to path: String) throws(WinnowError) -> Int {
        let bytes = encoded()
        try AtomicFile.write(bytes, to: path)
        return bytes.count
    }

    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBufferPointer { buffer in
            var state = StableHash.State()
            for byte in buffer { state.add(byte) }
            return state.finish()
        }
    }

    static func append<T: FixedWidthInteger>(_ value: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }
}

/// Little-endian reads with bounds checks: every read returns nil past the end.
private struct ByteReader {
    let bytes: [UInt8]
    var offset: Int

    mutating func integer<T: FixedWidthInteger>(_: T.Type) -> T? {
        let size = MemoryLayout<T>.size
        guard offset >= 0, offset + size <= bytes.count else { return nil }
        var value: T = 0
        for index in 0..<size { value |= T(bytes[offset + index]) << (8 * index) }
        offset += size
        return value
    }

    mutating func u32() -> UInt32? { integer(UInt32.self) }
    mutating func u64() -> UInt64? { integer(UInt64.self) }

    mutating func string(length: Int) -> String? {
        guard length >= 0, offset + length <= bytes.count else { return nil }
        let slice = bytes[offset..<(offset + length)]
        offset += length
        return String(validating: slice, as: UTF8.self)
    }
}
