import CTextScan

/// Remembers a value computed from a line's text (and a small tag), for one worker.
///
/// Rendered pages repeat lines within a page and across the pages of a site (menus, share bars,
/// footers, bylines): on the dev set 40 % of the bytes of non-blank lines repeat an earlier
/// line. A stage whose per-line result is a pure function of the text (and of the tag, such as
/// the line's language) looks the line up here first. Results never depend on what was
/// remembered, only speed does. The memo empties itself when full, so memory stays bounded.
///
/// An open-addressing table over a multiply-mix hash of the UTF-8 bytes, eight at a time:
/// `Dictionary` with `Hasher` (SipHash) and a `String` key cost more per lookup than the
/// cheaper stages save.
struct LineMemo<Value> {
    // Entries sit densely in insertion order and their keys' bytes in one arena: a store
    // appends (no load of a cold slot to release what it held), a lookup compares bytes
    // without touching a `String`, and emptying the memo is a sequential pass. The slot table
    // is one word per slot: the hash's high half (a filter) and the entry's index plus one.
    fileprivate struct Entry {
        var start: Int32
        var length: Int32
        var tag: UInt64
        var value: Value
    }

    /// 0 marks an empty slot; otherwise the hash's high 32 bits and the entry index + 1.
    private var slots: [UInt64]
    private var entries: [Entry] = []
    /// The keys' UTF-8 bytes, entry after entry.
    private var arena: [UInt8] = []
    private let slotMask: Int
    /// Entries kept before the memo empties itself: half the slots.
    private let maximumCount: Int

    /// - Parameter capacity: entries kept before the memo empties itself (rounded up to a
    ///   power of two); the table has twice as many slots.
    init(capacity: Int = 1 << 14) {
        var slots = 2
        while slots < 2 * capacity { slots <<= 1 }
        self.slots = Array(repeating: 0, count: slots)
        slotMask = slots - 1
        maximumCount = slots / 2
    }

    /// The remembered value for `text` with `tag`, if any.
    func value(for text: String, tag: UInt64 = 0) -> Value? {
        lookUp(text, tag: tag).value
    }

    /// The longest line (in UTF-8 bytes) the memo takes. Lines that repeat are short (menus,
    /// bylines, share bars); a memo that kept long lines would keep a huge document's only
    /// line alive after the document is done, and 16k entries of long lines would not be a
    /// small bounded table any more.
    static var longestLine: Int { LineHash.longestLine }

    /// Bytes of keys kept before the memo empties itself (a bound on its memory even when
    /// every line is near `longestLine`).
    static var arenaLimit: Int { 1 << 23 }

    /// The remembered value for `text` with `tag` (if any) and the text's hash, which a
    /// following `store` can take instead of hashing the text again (0: not to be stored).
    func lookUp(_ text: String, tag: UInt64 = 0) -> (value: Value?, hash: UInt64) {
        guard text.utf8.count <= Self.longestLine else { return (nil, 0) }
        var text = text
        return text.withUTF8 { lookUp(bytes: $0, tag: tag) }
    }

    /// `lookUp(_:tag:)` for text given as UTF-8 bytes.
    func lookUp(bytes: UnsafeBufferPointer<UInt8>, tag: UInt64 = 0) -> (value: Value?, hash: UInt64) {
        guard bytes.count <= Self.longestLine else { return (nil, 0) }
        let hash = Self.hash(bytes, tag: tag)
        guard let index = find(bytes, tag: tag, hash: hash).index else { return (nil, hash) }
        return (entries[index].value, hash)
    }

    /// The hash `lookUp(bytes:tag:)` would compute (0 when the memo does not take the line),
    /// with the slot a lookup starts from asked into cache. A caller with many lines to look
    /// up hashes them all first, so the cache misses of their slots overlap.
    func prefetch(bytes: UnsafeBufferPointer<UInt8>, tag: UInt64 = 0) -> UInt64 {
        guard bytes.count <= Self.longestLine else { return 0 }
        let hash = Self.hash(bytes, tag: tag)
        let slot = Int(truncatingIfNeeded: hash) & slotMask
        slots.withUnsafeBufferPointer { slots in
            if let base = slots.baseAddress { winnow_prefetch(base + slot) }
        }
        return hash
    }

    /// `prefetch(bytes:tag:)` for a line whose hash the caller has (`LineHash.tagged` of the
    /// block's `lineHash` and `tag`): the slot a lookup starts from is asked into cache.
    func prefetch(hash: UInt64) {
        guard hash != 0 else { return }
        let slot = Int(truncatingIfNeeded: hash) & slotMask
        slots.withUnsafeBufferPointer { slots in
            if let base = slots.baseAddress { winnow_prefetch(base + slot) }
        }
    }

    /// Asks into cache, for every line whose key is in `hashes` (0: none), what its lookup
    /// will read: first every slot, then every entry, then every key's bytes, so that each
    /// pass's cache misses overlap and the one before has landed when the next reads it. One
    /// call per document: a call per line and step copied the memo (retaining and releasing
    /// its three arrays) every time.
    func prefetch(hashes: UnsafeBufferPointer<UInt64>) {
        slots.withUnsafeBufferPointer { slots in
            guard let base = slots.baseAddress else { return }
            for hash in hashes where hash != 0 { winnow_prefetch(base + (Int(truncatingIfNeeded: hash) & slotMask)) }
        }
        for hash in hashes where hash != 0 { prefetchEntry(hash: hash) }
        for hash in hashes where hash != 0 { prefetchKey(hash: hash) }
    }

    /// Second step after `prefetch`: the entry the line's first slot points to (when its
    /// check matches) is asked into cache, all of it (a line's features span four cache lines,
    /// and the first alone left three misses for the copy of a hit).
    func prefetchEntry(hash: UInt64) {
        guard let index = firstCandidate(hash: hash) else { return }
        entries.withUnsafeBufferPointer { entries in
            guard let base = entries.baseAddress, index < entries.count else { return }
            let start = UnsafeRawPointer(base + index)
            var offset = 0
            while offset < MemoryLayout<Entry>.size {
                winnow_prefetch(start + offset)
                offset += 64
            }
            // The entry's last byte may sit on one line more than `size / 64` lines cover.
            winnow_prefetch(start + (MemoryLayout<Entry>.size - 1))
        }
    }

    /// Third step after `prefetchEntry`: the key bytes of the entry the line's first slot points
    /// to are asked into cache (a hit compares them with the line's; a key of up to 64 bytes
    /// spans at most two cache lines, its first and last).
    func prefetchKey(hash: UInt64) {
        guard let index = firstCandidate(hash: hash) else { return }
        entries.withUnsafeBufferPointer { entries in
            arena.withUnsafeBufferPointer { arena in
                guard let base = arena.baseAddress, index < entries.count else { return }
                let start = Int(entries[index].start)
                let end = start + Int(entries[index].length)
                guard start < end, end <= arena.count else { return }
                winnow_prefetch(base + start)
                winnow_prefetch(base + (end - 1))
            }
        }
    }

    /// The index of the entry the first slot of `hash` points to, when its check matches.
    @inline(__always)
    private func firstCandidate(hash: UInt64) -> Int? {
        guard hash != 0 else { return nil }
        let slot = Int(truncatingIfNeeded: hash) & slotMask
        let stored = slots[slot]
        guard stored != 0, stored & 0xFFFF_FFFF_0000_0000 == hash & 0xFFFF_FFFF_0000_0000 else { return nil }
        let index = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) &- 1
        return index >= 0 ? index : nil
    }

    /// `lookUp(bytes:tag:)` with the hash `prefetch` returned for the same bytes and tag.
    func lookUp(bytes: UnsafeBufferPointer<UInt8>, tag: UInt64 = 0, hash: UInt64) -> (value: Value?, hash: UInt64) {
        guard hash != 0 else { return (nil, 0) }
        guard let index = find(bytes, tag: tag, hash: hash).index else { return (nil, hash) }
        return (entries[index].value, hash)
    }

    /// `lookUp(bytes:tag:hash:)` giving where the value is (for `subscript(entry:)`), not a
    /// copy of it: a large value (a line's features) was copied out, then again into place.
    func lookUpEntry(bytes: UnsafeBufferPointer<UInt8>, tag: UInt64 = 0, hash: UInt64) -> (entry: Int?, hash: UInt64) {
        guard hash != 0 else { return (nil, 0) }
        return (find(bytes, tag: tag, hash: hash).index, hash)
    }

    /// The value of entry `entry` (from `lookUpEntry`), read in place.
    subscript(entry entry: Int) -> Value {
        _read { yield entries[entry].value }
    }

    /// The index of the entry for `bytes` and `tag` (if any), else the empty slot where it
    /// would go.
    private func find(
        _ bytes: UnsafeBufferPointer<UInt8>, tag: UInt64, hash: UInt64
    ) -> (index: Int?, slot: Int) {
        let check = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & slotMask
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { arena in
                    while true {
                        let stored = slots[slot]
                        if stored == 0 { return (nil, slot) }
                        if stored & 0xFFFF_FFFF_0000_0000 == check {
                            let index = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) &- 1
                            let start = Int(entries[index].start)
                            if entries[index].tag == tag, Int(entries[index].length) == bytes.count,
                                Self.equal(UnsafeBufferPointer(rebasing: arena[start..<start + bytes.count]), bytes)
                            {
                                return (index, slot)
                            }
                        }
                        slot = (slot + 1) & slotMask
                    }
                }
            }
        }
    }

    /// Remembers `value` for `text` with `tag`.
    ///
    /// - Parameter hash: the hash `lookUp` returned for the same text and tag, if at hand.
    mutating func store(_ value: Value, for text: String, tag: UInt64 = 0, hash known: UInt64? = nil) {
        guard text.utf8.count <= Self.longestLine else { return }
        var text = text
        text.withUTF8 { store(value, bytes: $0, tag: tag, hash: known) }
    }

    /// `store(_:for:tag:hash:)` for text given as UTF-8 bytes.
    mutating func store(_ value: Value, bytes: UnsafeBufferPointer<UInt8>, tag: UInt64 = 0, hash known: UInt64? = nil) {
        guard bytes.count <= Self.longestLine else { return }
        let hash = known ?? Self.hash(bytes, tag: tag)
        guard hash != 0 else { return }
        if entries.count + 1 > maximumCount || arena.count + bytes.count > Self.arenaLimit { removeAll() }
        let found = find(bytes, tag: tag, hash: hash)
        guard found.index == nil else { return }
        slots[found.slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(entries.count + 1)
        entries.append(Entry(start: Int32(arena.count), length: Int32(bytes.count), tag: tag, value: value))
        arena.append(contentsOf: bytes)
    }

    /// Forgets everything.
    mutating func removeAll() {
        guard !entries.isEmpty else { return }
        entries.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        slots.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    }

    /// A tag for a short ASCII code (a language code), distinct for every code of at most
    /// seven bytes and for `nil`; `nil` when the code is too long to pack.
    static func tag(_ code: String?) -> UInt64? {
        guard let code else { return 0 }
        var tag: UInt64 = 1
        var length = 0
        for byte in code.utf8 {
            length += 1
            if length > 7 { return nil }
            tag = tag << 8 | UInt64(byte)
        }
        return tag
    }

    private static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return a.count == 0 }
        var i = 0
        while i + 8 <= a.count {
            if UnsafeRawPointer(pa + i).loadUnaligned(as: UInt64.self)
                != UnsafeRawPointer(pb + i).loadUnaligned(as: UInt64.self)
            {
                return false
            }
            i += 8
        }
        while i < a.count {
            if pa[i] != pb[i] { return false }
            i += 1
        }
        return true
    }

    /// A 64-bit hash of the bytes and the tag, never 0: the line's `LineHash` with the tag
    /// mixed in, so a caller holding a block's hash (`Block.lineHash`) keys the same entries.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>, tag: UInt64) -> UInt64 {
        LineHash.tagged(LineHash.untagged(UnsafeRawBufferPointer(bytes)), tag: tag)
    }
}

// A memo filled once and then only read (the rules' phrase index) is shared between workers.
extension LineMemo: Sendable where Value: Sendable {}
extension LineMemo.Entry: Sendable where Value: Sendable {}
