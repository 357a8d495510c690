/// The stopword side of `FeatureExtractor.measure`: the scanner's current word, folded and
/// packed as it grows, looked up in the index when it ends.
///
/// A struct with mutating methods rather than local functions over captured variables: the
/// optimiser keeps its fields in registers (captured variables may end up in boxes with
/// dynamic exclusivity checks).
struct StopwordWordState {
    /// Scratch for the folded bytes of a word longer than 16 bytes (up to `foldLimit`).
    let folded: UnsafeMutablePointer<UInt8>
    let foldLimit: Int
    /// Words ended so far.
    var words = 0
    var inWord = false
    var length = 0
    /// The first 16 folded bytes, packed (see `StopwordIndex.shortMask`).
    var low: UInt64 = 0
    var high: UInt64 = 0
    /// The languages with a hit so far (bit `i` for slot `i` of `hits`).
    var touched: UInt64 = 0

    @inline(__always)
    mutating func fold(_ byte: UInt8) {
        inWord = true
        if length < 8 {
            low |= UInt64(byte) << UInt64(length &* 8)
        } else if length < 16 {
            high |= UInt64(byte) << UInt64((length &- 8) &* 8)
        }
        if length < foldLimit { folded[length] = byte }
        length += 1
    }

    /// Ends the current word (if any), adding its stopword hits to `hits` (one per language).
    @inline(__always)
    mutating func end(index: StopwordIndex, hits: UnsafeMutablePointer<Int32>) {
        guard inWord else { return }
        words += 1
        inWord = false
        if length <= foldLimit {
            var mask = length <= StopwordIndex.shortLength
                ? index.shortMask(low: low, high: high, length: length)
                : index.mask(of: UnsafeRawBufferPointer(start: folded, count: length))
            touched |= mask
            while mask != 0 {
                hits[mask.trailingZeroBitCount] += 1
                mask &= mask - 1
            }
        }
        length = 0
        low = 0
        high = 0
    }
}

/// The shape side of `FeatureExtractor.measure`: words as runs of ASCII letters and digits
/// and non-ASCII bytes, for the fingerprint, the leading words, capitals and word hashes.
struct ShapeWordState {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    var wordHash: UInt64 = 0xcbf2_9ce4_8422_2325
    var wordStart = true
    var wordBegin = 0
    var capitalised = 0
    var lettered = 0
    let wantsLeading: Bool
    let wantsWordHashes: Bool
    var leading = LeadingWords()
    var hashes: [UInt64]

    @inline(__always)
    mutating func byte(_ byte: UInt8, at offset: Int) {
        let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
        hash = (hash ^ UInt64(lower)) &* 0x0000_0100_0000_01b3
        wordHash = (wordHash ^ UInt64(lower)) &* 0x0000_0100_0000_01b3
        if wordStart {
            wordBegin = offset
            if byte >= 0x41 && byte <= 0x5A {
                capitalised += 1
                lettered += 1
            } else if byte >= 0x61 && byte <= 0x7A {
                lettered += 1
            }
            wordStart = false
        }
    }

    @inline(__always)
    mutating func end(at offset: Int, in line: UnsafeRawBufferPointer) {
        guard !wordStart else { return }
        if wantsLeading, leading.count < LeadingWords.capacity {
            leading.append(UnsafeRawBufferPointer(rebasing: line[wordBegin..<offset]))
        }
        if wantsWordHashes {
            hashes.append(wordHash)
            wordHash = 0xcbf2_9ce4_8422_2325
        }
        wordStart = true
    }
}
