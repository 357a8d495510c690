#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The profile pass's fast path: line fingerprints straight from a document's decoded UTF-8
/// bytes, with no `Block`, no `String` and no heap allocation per line.
///
/// It must give exactly the fingerprints that `RepeatedLineStage` computes later from the
/// blocks the `Segmenter` makes, or a profile would match nothing. So it repeats the
/// segmenter's per-line normalising, on bytes:
///
/// - a line ends at LF, CR or CRLF (the segmenter splits at lone CRs too; empty pieces are
///   blank lines, which have no fingerprint either way);
/// - C0 controls other than tab, DEL and C1 controls (`C2 80`…`C2 9F`) are removed;
/// - leading and trailing spaces, tabs and no-break spaces are trimmed (`Segmenter.trim`);
/// - a line holding a code point at or above U+0300 is put in NFC by ICU, unless ICU's quick
///   check says it already is (the common case: then nothing is copied); basic Cyrillic
///   (U+0400–U+047F) alone does not need the check;
///
/// and then runs `LineFingerprint`'s steps (markup, folding, digits and spaces, hash) on the
/// bytes, into buffers it keeps from line to line. ICU is reached only for non-ASCII lines:
/// the NFC check, and case folding beyond the byte table. `LineFingerprintTests` checks the
/// two paths agree on lines of many scripts and shapes, whole documents included.
struct LineFingerprinter {
    /// The line with its control characters removed (only when it had any).
    private var cleaned: [UInt8] = []
    /// The visible text of a line with inline markup.
    private var plain: [UInt8] = []
    /// The normalised form being hashed.
    private var normalised: [UInt8] = []
    /// Some line of the current text ends inside a markdown link: the segmenter may join it
    /// with the lines after it (`WrappedLinkJoiner`), which one line at a time cannot see.
    private var sawOpenLink = false

    init() {}

    /// Appends the fingerprint hash of every line of `text` (valid UTF-8) to `hashes`, in
    /// line order, duplicates included.
    mutating func appendHashes(of text: UnsafeRawBufferPointer, to hashes: inout [UInt64]) {
        guard let base = text.baseAddress, !text.isEmpty else { return }
        let first = hashes.count
        sawOpenLink = false
        defer {
            if sawOpenLink {
                // Rare (markdown wrapped at a fixed width): the segmenter's own blocks, so
                // that joined links get the fingerprints `clean --profile` looks up.
                hashes.removeSubrange(first...)
                for block in Segmenter().blocks(from: text) {
                    if let value = LineFingerprint.fingerprint(of: block.text) { hashes.append(value.hash) }
                }
            }
        }
        let count = text.count
        var lineStart = 0
        while lineStart < count {
            var lineEnd = count
            if let hit = memchr(base + lineStart, 0x0A, count - lineStart) {
                lineEnd = base.distance(to: UnsafeRawPointer(hit))
            }
            // Lone CRs and a CR before the LF end lines too.
            var pieceStart = lineStart
            while pieceStart < lineEnd {
                var pieceEnd = lineEnd
                if let hit = memchr(base + pieceStart, 0x0D, lineEnd - pieceStart) {
                    pieceEnd = base.distance(to: UnsafeRawPointer(hit))
                }
                if pieceEnd > pieceStart,
                    let value = fingerprint(ofLine: UnsafeRawBufferPointer(rebasing: text[pieceStart..<pieceEnd]))
                {
                    hashes.append(value.hash)
                }
                pieceStart = pieceEnd + 1
            }
            lineStart = lineEnd + 1
        }
    }

    /// The fingerprint of one raw line (no line break in it), as `LineFingerprint` would give
    /// for the text of the block the segmenter makes of it; nil for a blank line.
    mutating func fingerprint(ofLine line: UnsafeRawBufferPointer) -> LineFingerprint.Value? {
        // One pass finds what the line needs, eight bytes at a time: words without a byte
        // below 0x20, 0x7F or 0xC2 hold no control character, and a byte of 0xCC or more is
        // the lead of a code point from U+0300 on (NFC may matter).
        var needsCleaning = false
        var needsNFCCheck = false
        // Whether the line holds a byte the markup layer reacts to (`\ [ ] ^ _ ` * ~`); false
        // means `InlineMarkup.appendPlainText` would give the line's body unchanged (up to
        // space runs, which the normalising folds anyway), so that call is skipped.
        var mayHaveMarkup = false
        var index = 0
        let count = line.count
        while index < count {
            if index + 8 <= count {
                let word = line.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let low = (word &- 0x2020_2020_2020_2020) & ~word & SWAR.highBits
                if low == 0 && !SWAR.hasByte(word, 0x7F) && !SWAR.hasByte(word, 0xC2) {
                    if !needsNFCCheck { needsNFCCheck = Self.hasNFCRelevantLead(word) }
                    if !mayHaveMarkup { mayHaveMarkup = Self.hasMarkupByte(word) }
                    index += 8
                    continue
                }
            }
            let byte = line[index]
            if (byte >= 0x5B && byte <= 0x60) || byte == 0x2A || byte == 0x7E { mayHaveMarkup = true }
            if byte < 0x20 && byte != 0x09 || byte == 0x7F
                || (byte == 0xC2 && index + 1 < count && line[index + 1] >= 0x80 && line[index + 1] <= 0x9F)
            {
                needsCleaning = true
            }
            if byte >= 0xCC && byte & 0xFE != 0xD0 { needsNFCCheck = true }
            index += 1
        }
        if mayHaveMarkup && !sawOpenLink {
            var scan = LinkScan()
            sawOpenLink = LinkScan.endsOpen(line, scan: &scan)
        }
        if needsCleaning {
            cleaned.removeAll(keepingCapacity: true)
            var index = 0
            while index < count {
                let byte = line[index]
                if byte == 0xC2, index + 1 < count, line[index + 1] >= 0x80, line[index + 1] <= 0x9F {
                    index += 2  // C1 control
                    continue
                }
                if !(byte < 0x20 && byte != 0x09 || byte == 0x7F) { cleaned.append(byte) }
                index += 1
            }
            let copy = cleaned
            return copy.withUnsafeBytes {
                trimmedFingerprint($0, needsNFCCheck: needsNFCCheck, mayHaveMarkup: mayHaveMarkup)
            }
        }
        return trimmedFingerprint(line, needsNFCCheck: needsNFCCheck, mayHaveMarkup: mayHaveMarkup)
    }

    /// Some byte of `word` is the lead of a code point from U+0300 on, other than the basic
    /// Cyrillic leads D0 and D1 (U+0400–U+047F: every one NFC quick-check "yes" with combining
    /// class 0, so a line of them, ASCII and Latin-1 is always NFC; `NFCShortcutTests` checks it
    /// against ICU).
    @inline(__always)
    static func hasNFCRelevantLead(_ word: UInt64) -> Bool {
        // Bytes >= 0xCC: top bit set and low seven bits >= 0x4C (no carries).
        let high = ((word & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x3434_3434_3434_3434) & word & SWAR.highBits
        guard high != 0 else { return false }
        // Bytes that are not D0 or D1: (byte ^ 0xD0) & 0xFE is non-zero (exact per byte).
        let other = (word ^ 0xD0D0_D0D0_D0D0_D0D0) & 0xFEFE_FEFE_FEFE_FEFE
        let nonZero = ((other & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | other
        return high & nonZero & SWAR.highBits != 0
    }

    /// Some byte of `word` is in 0x5B…0x60 (`[ \ ] ^ _` and the backtick), or is `*` or `~`
    /// (a false alarm only costs a markup rendering).
    @inline(__always)
    static func hasMarkupByte(_ word: UInt64) -> Bool {
        let seven = word & 0x7F7F_7F7F_7F7F_7F7F
        let inRange = LineFingerprint.atLeast(0x5B, seven) & ~LineFingerprint.atLeast(0x61, seven) & ~word
        return inRange & SWAR.highBits != 0 || SWAR.hasByte(word, 0x2A) || SWAR.hasByte(word, 0x7E)
    }

    private mutating func trimmedFingerprint(
        _ line: UnsafeRawBufferPointer, needsNFCCheck: Bool, mayHaveMarkup: Bool
    ) -> LineFingerprint.Value? {
        let (trimmed, _) = Segmenter.trim(line)
        guard !trimmed.isEmpty else { return nil }
        // The line scan already found a byte that NFC may care about: straight to the quick check.
        if needsNFCCheck && !Normalizer.isCertainlyNFC(trimmed) {
            // Not certainly NFC (NFD input, or a quick-check "maybe"): the segmenter's own call.
            let composed = Normalizer.nfc(trimmed)
            return composed.withUnsafeBytes { fingerprint(ofText: $0) }
        }
        return fingerprint(ofText: trimmed, mayHaveMarkup: mayHaveMarkup)
    }

    /// `LineFingerprint.fingerprint(of:)` of a block's text given as bytes. `mayHaveMarkup`
    /// false promises that the text has none of the bytes the markup layer reacts to.
    mutating func fingerprint(ofText text: UnsafeRawBufferPointer, mayHaveMarkup: Bool = true) -> LineFingerprint.Value? {
        guard mayHaveMarkup else {
            // Only list, heading and quote markers to strip: the body as it is.
            return hash(UnsafeRawBufferPointer(rebasing: InlineMarkup.strippingBlockMarkers(text)))
        }
        // The text path's own function, so that the two paths cannot drift apart.
        plain.removeAll(keepingCapacity: true)
        InlineMarkup.appendPlainText(UTF8Bytes: text, to: &plain)
        let rendered = plain
        return rendered.withUnsafeBytes { hash($0) }
    }

    /// Steps 2–4 of `LineFingerprint` on the visible text.
    private mutating func hash(_ text: UnsafeRawBufferPointer) -> LineFingerprint.Value? {
        let input = text.assumingMemoryBound(to: UInt8.self)
        if let value = hashNormalised(input, foldingWithTable: true) { return value.length == 0 ? nil : value }
        // A character the table does not fold: ICU full case folding, as `LineFingerprint` does.
        var folded = Array(text)
        LineFingerprint.foldCase(&folded)
        let value = folded.withUnsafeBufferPointer { hashNormalised($0, foldingWithTable: false) }
        return value.flatMap { $0.length == 0 ? nil : $0 }
    }

    private mutating func hashNormalised(_ input: UnsafeBufferPointer<UInt8>, foldingWithTable: Bool) -> LineFingerprint.Value? {
        // The normalised form is never longer than its input (plus the 8 bytes a word store may
        // write past the kept ones).
        let needed = input.count + 8
        if normalised.count < needed { normalised = [UInt8](repeating: 0, count: max(needed, 2 * normalised.count, 256)) }
        return normalised.withUnsafeMutableBufferPointer { output in
            var sink = LineFingerprint.BufferSink(buffer: output)
            guard LineFingerprint.normalise(input, foldingWithTable: foldingWithTable, into: &sink) else { return nil }
            let result = UnsafeBufferPointer(rebasing: output[0..<sink.count])
            return LineFingerprint.Value(hash: StableHash.hashWords(result), length: sink.count)
        }
    }
}
