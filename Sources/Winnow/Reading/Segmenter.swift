import CTextScan


/// Turns decoded UTF-8 text into blocks: one per non-blank line, normalised.
///
/// Normalising happens here, line by line, so the text is touched once: CRLF and lone CR end a
/// line, control characters other than tab go, leading and trailing spaces are trimmed (the
/// indentation is kept as a number), and each line is put in Unicode NFC through ICU when it
/// holds anything that NFC could change.
public struct Segmenter: Sendable {
    /// Whether to scan lines with the portable Swift steps even where the C kernel runs (tests
    /// compare the two).
    let portable: Bool

    public init() { portable = false }

    init(portable: Bool) { self.portable = portable }

    /// A line of at least this many characters was not wrapped at a fixed width: text
    /// browsers and mail wrap at 72–80 columns.
    static let unwrappedLineCharacters = 120

    /// The blocks of `text`.
    public func blocks(from text: String) -> [Block] {
        blocks(in: Array(text.utf8), range: nil)
    }

    /// The blocks of valid UTF-8 `bytes`.
    public func blocks(from bytes: UnsafeRawBufferPointer) -> [Block] {
        blocks(in: Array(bytes), range: nil)
    }

    /// The blocks of the valid UTF-8 in `range` of `storage` (all of it when nil). The blocks
    /// keep `storage` and point into it: lines that normalising leaves as they are cost no copy.
    /// Byte offsets in the blocks' origins count from the start of `range`.
    public func blocks(in storage: [UInt8], range: Range<Int>?) -> [Block] {
        let range = range ?? 0..<storage.count
        let shared = SharedText(storage)
        var state = State(shared: shared, textStart: range.lowerBound)
        storage.withUnsafeBytes { whole in
            let bytes = UnsafeRawBufferPointer(rebasing: whole[range])
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
            state.storageBase = UnsafeRawPointer(whole.baseAddress ?? base)
            let text = base.assumingMemoryBound(to: UInt8.self)
            let count = bytes.count
            if !portable && scanLines(text, count: count, bytes: bytes, state: &state) { return }
            // LF, CR and CRLF each end a line; the breaks come from the C scan in batches.
            let breakCapacity = 256
            withUnsafeTemporaryAllocation(of: Int64.self, capacity: breakCapacity) { breaks in
                guard let breaksBase = breaks.baseAddress else { return }
                var lineStart = 0
                var scanned = 0
                while scanned < count {
                    var scannedTo: Int64 = 0
                    let found = Int(
                        winnow_line_breaks(text, Int64(count), Int64(scanned), breaksBase, Int64(breakCapacity), &scannedTo))
                    for position in UnsafeBufferPointer(start: breaksBase, count: found) {
                        let end = Int(position)
                        guard end >= lineStart else { continue }  // the LF of a CRLF
                        emit(UnsafeRawBufferPointer(rebasing: bytes[lineStart..<end]), offset: lineStart, state: &state)
                        lineStart = bytes[end] == 0x0D && end + 1 < count && bytes[end + 1] == 0x0A ? end + 2 : end + 1
                    }
                    scanned = Int(scannedTo)
                }
                if lineStart < count {
                    emit(UnsafeRawBufferPointer(rebasing: bytes[lineStart..<count]), offset: lineStart, state: &state)
                }
            }
        }
        var blocks = state.finish()
        WrappedLinkJoiner.join(&blocks)
        return blocks
    }

    /// The lines of `bytes` from the C scan, which finds each line's break, trimmed ends and
    /// flags in one pass; false (nothing done) on a CPU it does not run on.
    private func scanLines(
        _ text: UnsafePointer<UInt8>, count: Int, bytes: UnsafeRawBufferPointer, state: inout State
    ) -> Bool {
        let capacity = 128
        return withUnsafeTemporaryAllocation(of: WinnowLine.self, capacity: capacity) { lines -> Bool in
            guard let linesBase = lines.baseAddress else { return false }
            var from = 0
            while from < count {
                var resume: Int64 = 0
                let found = Int(winnow_scan_lines(text, Int64(count), Int64(from), linesBase, Int64(capacity), &resume))
                if found < 0 { return false }
                for line in UnsafeBufferPointer(start: linesBase, count: found) {
                    let (start, trimStart, trimEnd) = (Int(line.start), Int(line.trimStart), Int(line.trimEnd))
                    state.lineNumber += 1
                    guard trimStart < trimEnd else {
                        state.sawBlankSinceLastBlock = true
                        continue
                    }
                    let origin = SourceSpan(line: state.lineNumber, byteOffset: start, byteLength: Int(line.end) - start)
                    place(
                        UnsafeRawBufferPointer(rebasing: bytes[trimStart..<trimEnd]), indent: Int(line.indent),
                        origin: origin, needsCleaning: line.flags & Int32(WINNOW_LINE_CONTROL) != 0,
                        needsNFCCheck: line.flags & Int32(WINNOW_LINE_MAY_NEED_NFC) != 0,
                        special: line.flags & Int32(WINNOW_LINE_SPECIAL) != 0, state: &state)
                }
                from = Int(resume)
            }
            return true
        }
    }

    /// The one-byte forms of the steps' tests, for the bytes a step does not cover.
    @inline(__always)
    private static func isControl(_ byte: UInt8) -> Bool { byte < 0x20 && byte != 0x09 || byte == 0x7F }

    @inline(__always)
    private static func mayNeedNFC(_ byte: UInt8) -> Bool { byte >= 0xCC && byte != 0xD0 && byte != 0xD1 }

    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x2A || byte == 0x3C || byte &- 0x5B < 6
    }

    /// What the sixteen-byte steps over a line found, lane by lane.
    private struct Steps {
        typealias Mask = SIMDMask<SIMD16<Int8>>
        /// Controls other than tab, DEL, C1 controls (C2 80…9F): the line needs cleaning.
        var control = Mask(repeating: false)
        /// Leads of U+0300 and above except basic Cyrillic (D0, D1) and general punctuation,
        /// which NFC never changes.
        var nfc = Mask(repeating: false)
        /// Bytes that make the writers look (see `special` in `emit`).
        var marks = Mask(repeating: false)

        /// The sixteen bytes from `index`, each seen with the two after it (the C1 test, double
        /// spaces, punctuation), so `index + 18` must be within the line.
        @inline(__always)
        mutating func scan(_ line: UnsafeRawBufferPointer, at index: Int) {
            let vector = line.loadUnaligned(fromByteOffset: index, as: SWAR.Vector.self)
            let next = line.loadUnaligned(fromByteOffset: index + 1, as: SWAR.Vector.self)
            let next2 = line.loadUnaligned(fromByteOffset: index + 2, as: SWAR.Vector.self)
            let below0x20 = vector .< SWAR.Vector(repeating: 0x20)
            control .|= (below0x20 .& (vector .!= SWAR.Vector(repeating: 0x09)))
                .| (vector .== SWAR.Vector(repeating: 0x7F))
                .| ((vector .== SWAR.Vector(repeating: 0xC2))
                    .& ((next &- SWAR.Vector(repeating: 0x80)) .< SWAR.Vector(repeating: 0x20)))
            // General punctuation U+2002…U+203F (E2 80 82…BF: curly quotes, dashes, bullets,
            // on most lines of real pages) is NFC whatever surrounds it, like basic Cyrillic.
            let punctuation = (vector .== SWAR.Vector(repeating: 0xE2)) .& (next .== SWAR.Vector(repeating: 0x80))
                .& (next2 .>= SWAR.Vector(repeating: 0x82))
            nfc .|= (vector .>= SWAR.Vector(repeating: 0xCC))
                .& ((vector &- SWAR.Vector(repeating: 0xD0)) .>= SWAR.Vector(repeating: 2)) .& .!punctuation
            let space = SWAR.Vector(repeating: 0x20)
            marks .|= below0x20 .| ((vector &- SWAR.Vector(repeating: 0x5B)) .< SWAR.Vector(repeating: 6))
                .| (vector .== SWAR.Vector(repeating: 0x2A)) .| (vector .== SWAR.Vector(repeating: 0x22))
                .| (vector .== SWAR.Vector(repeating: 0x3C)) .| ((vector .== space) .& (next .== space))
        }
    }

    private struct State {
        let shared: SharedText
        /// Where the text starts in the shared bytes (origins count from there).
        let textStart: Int
        var storageBase: UnsafeRawPointer? = nil
        var lineNumber = 0
        var paragraph = 0
        var sawBlankSinceLastBlock = false
        /// Some line is longer than text wrapped at a fixed width.
        var sawLongLine = false
        var blocks: [Block] = []
        /// Lines that normalising changed, one after another, and which block each one is.
        var changed: [UInt8] = []
        var changedBlocks: [(block: Int, start: Int, end: Int)] = []
        var scratch: [UInt8] = []

        init(shared: SharedText, textStart: Int) {
            self.shared = shared
            self.textStart = textStart
        }

        /// The blocks, with the changed lines pointing into their own shared bytes.
        ///
        /// A text with no blank line at all but long lines is one paragraph per line (Common
        /// Crawl's WET text, C4-style JSONL, html2text without blank lines): each line is a
        /// block element of the page, and heuristics that weigh a paragraph's neighbours need
        /// them apart. Text wrapped at a fixed width (every line short) stays one paragraph.
        mutating func finish() -> [Block] {
            if paragraph == 0 && blocks.count > 1 && sawLongLine {
                for index in blocks.indices { blocks[index].paragraph = index }
            }
            if !changedBlocks.isEmpty {
                let changedText = SharedText(changed)
                for entry in changedBlocks {
                    blocks[entry.block].storage = .shared(changedText, start: entry.start, end: entry.end)
                }
            }
            return blocks
        }
    }

    private func emit(_ line: UnsafeRawBufferPointer, offset: Int, state: inout State) {
        state.lineNumber += 1
        let origin = SourceSpan(line: state.lineNumber, byteOffset: offset, byteLength: line.count)
        // Trimming first: the indentation of text renderings is runs of spaces, which would
        // otherwise read as double spaces and cost the line its `verbatim` trait. Trimming
        // takes only spaces, tabs and no-break spaces, so no byte that needs cleaning goes.
        let (trimmed, indent) = Self.trim(line)
        guard !trimmed.isEmpty else {
            state.sawBlankSinceLastBlock = true
            return
        }
        // One pass finds what this line needs: control-character removal, NFC, or nothing.
        var needsCleaning = false
        var needsNFCCheck = false
        // Bytes that make the writers work (markup, quotes, tabs, double spaces): a line with
        // none is copied as it is (`TextTraits.verbatim`).
        var special = false
        let count = trimmed.count
        // The C scan answers -1 on a CPU it does not run on (asked per line: a Swift static
        // would cost a once-guard call per line on Linux).
        let flags = portable ? -1 : trimmed.baseAddress.map { winnow_line_flags($0.assumingMemoryBound(to: UInt8.self), Int64(count)) } ?? -1
        if flags >= 0 {
            needsCleaning = flags & Int32(WINNOW_LINE_CONTROL) != 0
            needsNFCCheck = flags & Int32(WINNOW_LINE_MAY_NEED_NFC) != 0
            special = flags & Int32(WINNOW_LINE_SPECIAL) != 0
        } else if count >= 18 {
            // Sixteen bytes at a time, the masks or-ed together and looked at once; the last
            // step overlaps the one before (the tests are the same wherever a step starts),
            // so only the last two bytes go one by one.
            var steps = Steps()
            var index = 0
            while index + 18 <= count {
                steps.scan(trimmed, at: index)
                index += 16
            }
            if index < count - 2 { steps.scan(trimmed, at: count - 18) }
            needsCleaning = SWAR.isAnySet(steps.control)
            needsNFCCheck = SWAR.isAnySet(steps.nfc)
            special = SWAR.isAnySet(steps.marks)
            let (before, last) = (trimmed[count - 2], trimmed[count - 1])
            if Self.isControl(before) || Self.isControl(last) { needsCleaning = true }
            if Self.mayNeedNFC(before) || Self.mayNeedNFC(last) { needsNFCCheck = true }
            if Self.isSpecial(before) || Self.isSpecial(last) { special = true }
            if before == 0xC2 && last >= 0x80 && last <= 0x9F { needsCleaning = true }
            if before == 0x20 && last == 0x20 { special = true }
        } else {
            var previous: UInt8 = 0
            for byte in trimmed {
                if Self.isControl(byte) || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) { needsCleaning = true }
                if Self.mayNeedNFC(byte) { needsNFCCheck = true }
                if Self.isSpecial(byte) || (byte == 0x20 && previous == 0x20) { special = true }
                previous = byte
            }
        }
        place(
            trimmed, indent: indent, origin: origin, needsCleaning: needsCleaning, needsNFCCheck: needsNFCCheck,
            special: special, state: &state)
    }

    /// Makes the block of a trimmed line (if it holds more than controls) from what the scan
    /// found: controls to remove, characters NFC might change, bytes the writers must look at.
    @inline(__always)
    private func place(
        _ trimmed: UnsafeRawBufferPointer, indent: Int, origin: SourceSpan, needsCleaning: Bool, needsNFCCheck: Bool,
        special: Bool, state: inout State
    ) {
        if needsCleaning {
            var scratch = state.scratch
            state.scratch = []
            scratch.removeAll(keepingCapacity: true)
            var index = 0
            while index < trimmed.count {
                let byte = trimmed[index]
                if byte == 0xC2, index + 1 < trimmed.count, trimmed[index + 1] >= 0x80, trimmed[index + 1] <= 0x9F {
                    index += 2  // C1 control
                    continue
                }
                if !(byte < 0x20 && byte != 0x09 || byte == 0x7F) { scratch.append(byte) }
                index += 1
            }
            scratch.withUnsafeBytes { cleaned in
                // Removing controls can leave new spaces at either end.
                let (retrimmed, moreIndent) = Self.trim(cleaned)
                finish(
                    retrimmed, indent: indent + moreIndent, origin: origin, inShared: false,
                    needsNFCCheck: needsNFCCheck, verbatim: false, state: &state)
            }
            state.scratch = scratch
        } else {
            finish(
                trimmed, indent: indent, origin: origin, inShared: true, needsNFCCheck: needsNFCCheck,
                verbatim: !special, state: &state)
        }
    }

    /// Makes the block of one cleaned, trimmed line. `inShared` says the bytes are a range of
    /// the shared storage, so an unchanged line can point there; `verbatim`, that the scan found
    /// no byte the writers must look at (it holds for the line as stored only when NFC leaves it
    /// alone).
    @inline(__always)
    private func finish(
        _ trimmed: UnsafeRawBufferPointer, indent: Int, origin: SourceSpan, inShared: Bool, needsNFCCheck: Bool,
        verbatim: Bool, state: inout State
    ) {
        guard let trimmedBase = trimmed.baseAddress, !trimmed.isEmpty else {
            state.sawBlankSinceLastBlock = true
            return
        }
        if state.sawBlankSinceLastBlock && !state.blocks.isEmpty { state.paragraph += 1 }
        state.sawBlankSinceLastBlock = false
        if !state.sawLongLine && trimmed.count >= Segmenter.unwrappedLineCharacters {
            // Characters, not bytes: Thai or Chinese wrapped at 80 columns is 240 bytes. The
            // count stops at the threshold (a 200 MB line is not walked for it).
            var characters = 0
            for byte in trimmed where byte & 0xC0 != 0x80 {
                characters += 1
                if characters == Segmenter.unwrappedLineCharacters { break }
            }
            state.sawLongLine = characters >= Segmenter.unwrappedLineCharacters
        }
        let kind = LineShape.kind(of: trimmed)
        let isNFC = !needsNFCCheck || Normalizer.isCertainlyNFC(trimmed)
        if isNFC, inShared, let storageBase = state.storageBase {
            let start = storageBase.distance(to: trimmedBase)
            state.blocks.append(
                Block(
                    storage: .shared(state.shared, start: start, end: start + trimmed.count), kind: kind,
                    paragraph: state.paragraph, indent: indent, origin: origin, traits: verbatim ? .verbatim : .none,
                    lineHash: LineHash.of(trimmed)))
            return
        }
        let start = state.changed.count
        if isNFC {
            state.changed.append(contentsOf: trimmed)
        } else {
            state.changed.append(contentsOf: Normalizer.nfc(trimmed))
        }
        state.changedBlocks.append((state.blocks.count, start, state.changed.count))
        let lineHash = state.changed.withUnsafeBytes { LineHash.of(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        state.blocks.append(
            Block(
                storage: .string(""), kind: kind, paragraph: state.paragraph, indent: indent, origin: origin,
                lineHash: lineHash))
    }

    /// Strips leading and trailing spaces, tabs and no-break spaces; returns the indentation.
    static func trim(_ line: UnsafeRawBufferPointer) -> (UnsafeRawBufferPointer, Int) {
        var start = 0
        var indent = 0
        // Text browsers indent with runs of spaces: eight at a time first.
        while start + 8 <= line.count, line.loadUnaligned(fromByteOffset: start, as: UInt64.self) == 0x2020_2020_2020_2020 {
            start += 8
            indent += 8
        }
        while start < line.count {
            let byte = line[start]
            if byte == 0x20 {
                indent += 1
                start += 1
            } else if byte == 0x09 {
                indent += 4
                start += 1
            } else if byte == 0xC2, start + 1 < line.count, line[start + 1] == 0xA0 {
                indent += 1
                start += 2
            } else {
                break
            }
        }
        var end = line.count
        while end - 8 >= start, line.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self) == 0x2020_2020_2020_2020 {
            end -= 8
        }
        while end > start {
            let byte = line[end - 1]
            if byte == 0x20 || byte == 0x09 {
                end -= 1
            } else if byte == 0xA0, end - 2 >= start, line[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        return (UnsafeRawBufferPointer(rebasing: line[start..<end]), indent)
    }
}
