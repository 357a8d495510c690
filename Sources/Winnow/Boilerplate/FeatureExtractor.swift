import CTextScan
import Synchronization

/// Measures every block of a document in one pass (see `LineFeatures`).
///
/// Stopword hits are counted for all languages at once through a bit mask per word, so the
/// density can be read for the block's own language, the document's, or, when neither is known,
/// the language whose stopwords the document uses most. Not thread-safe: one per `process` call.
final class FeatureExtractor {
    private let scanner: WordScanner
    private let index: StopwordIndex
    /// `index.kernel.table`, kept alive by `index`.
    private let kernelTable: UnsafePointer<WinnowStopwordTable>
    /// Scratch: hashes of the current line's words (for `CardTitleHeuristic`). A line of at
    /// most 1,200 bytes (longer ones are not hashed) has at most 601 words.
    private let wordHashes: UnsafeMutablePointer<UInt64>
    private static let wordHashCapacity = 1_201
    /// Words hashed per line: `CardTitleHeuristic` looks at lines of at most `maximumWords`
    /// words, so one hash more tells a longer line, whose later words need no hash.
    /// (Below `wordHashCapacity`.)
    private static var wordHashLimit: Int { CardTitleHeuristic.maximumWords + 1 }
    // Unchecked (here and for `lastTouched`): an extractor is used by one caller at a time,
    // and no access to its scratch overlaps another; the checks began dynamic accesses per line.
    /// Scratch: the line's folded shape bytes (the kernel hashes them), `shapeCapacity` bytes:
    /// at least 8 more than the line (the kernel reads 8 bytes at a time).
    @exclusivity(unchecked) private var shapeBytes: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var shapeCapacity = 4_096
    /// Scratch: the current line's stopword hits per language.
    private let rowHits: UnsafeMutablePointer<Int32>
    /// Scratch: a linked line rendered for its link statistics (an array per line before).
    private var linkScratch: [UInt8] = []

    /// Lines measured before by this worker (see `LineMemo`), checked out for this extractor's
    /// life: a line's features and stopword hits depend on its text alone.
    private var measured: MeasuredLines
    private static let memoPool = MeasuredLinePool()
    /// What `measured` holds while `features(of:)` has the memo in a local: a tiny memo that
    /// nothing reads or writes.
    private static let idleMemo = MeasuredLines(memo: LineMemo(capacity: 1))

    /// A line's features and where its stopword hits are in `MeasuredLines.hits`.
    struct MeasuredLine: Sendable {
        var features: LineFeatures
        /// The languages with a hit (bit `i` for slot `i`).
        var touched: UInt64
        /// The hits of the slots in `touched`, in slot order, start here in `MeasuredLines.hits`.
        var hitsStart: Int32
    }

    /// The memo, and the stopword hits of the lines it holds side by side in one array (so
    /// that a `MeasuredLine` holds no reference: storing one makes no array, reading one
    /// retains nothing).
    struct MeasuredLines {
        var memo = LineMemo<MeasuredLine>()
        /// Hits of the lines stored, touched slots only. Hits of lines the memo has forgotten
        /// (it empties itself when full) stay until `hitsLimit`, when both are emptied.
        var hits: [Int32] = []
        static let hitsLimit = 1 << 18
    }

    /// The languages the last completed `measure` found stopwords of (bit `i` for slot `i`).
    @exclusivity(unchecked) private var lastTouched: UInt64 = 0

    init(index: StopwordIndex = .shared) {
        self.index = index
        self.kernelTable = UnsafePointer(index.kernel.table)
        self.scanner = WordScanner(index: index)
        self.measured = Self.memoPool.checkOut()
        self.rowHits = .allocate(capacity: max(index.languages.count, 1))
        self.wordHashes = .allocate(capacity: Self.wordHashCapacity)
        self.shapeBytes = .allocate(capacity: shapeCapacity)
        // Kept all zero between lines: `measure` clears the slots it touched.
        rowHits.initialize(repeating: 0, count: max(index.languages.count, 1))
    }

    deinit {
        Self.memoPool.checkIn(measured)
        rowHits.deallocate()
        wordHashes.deallocate()
        shapeBytes.deallocate()
    }

    /// The features of each block, in block order, and the document's stopword language.
    func features(of document: Document) -> (lines: [LineFeatures], language: String?) {
        let languageCount = index.languages.count
        // Each line's hits, touched languages only: `rowTouched[row]` (bit `i` for slot `i`) and
        // its hits in slot order from `rowStart[row]` in `compact`. A full row per line (58
        // counters) made a large zeroed array per document for a few hits per line.
        var rowTouched = [UInt64](repeating: 0, count: document.blocks.count)
        var rowStart = [Int32](repeating: 0, count: document.blocks.count)
        var compact: [Int32] = []
        // One line's hits, as `measure` writes them (kept all zero between lines).
        var hits = [Int32](repeating: 0, count: languageCount)
        var lines: [LineFeatures] = []
        lines.reserveCapacity(document.blocks.count)
        // Blocks are read field by field: copying a whole `Block` retains all its strings. A
        // line is read as bytes: most blocks share their document's bytes, and `text` would
        // make a string of each.
        // The memo's lookups are cache misses (slot, then entry, then key bytes): they are
        // asked into cache for all lines at once, so the misses overlap instead of coming one
        // line at a time.
        // Through the array's buffer, each block is borrowed where it is (the array's subscript
        // copied it, retaining its storage, in profiles).
        // The memo is moved out of `self` for the document (and back after): through the
        // stored property every lookup began a dynamic exclusivity access and copied the memo,
        // retaining and releasing its arrays, several times per line.
        var measured = Self.idleMemo
        swap(&measured, &self.measured)
        defer { swap(&measured, &self.measured) }
        var memoHashes = [UInt64](repeating: 0, count: document.blocks.count)
        document.blocks.withUnsafeBufferPointer { blocks in
            for row in blocks.indices {
                // The segmenter's hash: the line's bytes are not read again here.
                memoHashes[row] = blocks.lineHash(at: row)
            }
        }
        memoHashes.withUnsafeBufferPointer { measured.memo.prefetch(hashes: $0) }
        // Through the buffer: the closure captures it, not the document (which it copied,
        // with all its references, for every line).
        document.blocks.withUnsafeBufferPointer { blocks in
            for row in blocks.indices {
                // `self` unretained: it outlives the call, and the closure, specialised with its
                // captures as arguments, retained and released it for every line.
                blocks.withUTF8Text(at: row) { [unowned(unsafe) self] line in
                    let bytes = line.assumingMemoryBound(to: UInt8.self)
                    // The remembered line read where the memo holds it (its features copied once,
                    // into `lines`).
                    let (memoEntry, memoHash) = measured.memo.lookUpEntry(bytes: bytes, hash: memoHashes[row])
                    if let memoEntry {
                        let touched = measured.memo[entry: memoEntry].touched
                        if touched != 0 {
                            rowTouched[row] = touched
                            rowStart[row] = Int32(compact.count)
                            let start = Int(measured.memo[entry: memoEntry].hitsStart)
                            // Through the buffer: a slice of the array retained its storage.
                            measured.hits.withUnsafeBufferPointer {
                                compact.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start..<start + touched.nonzeroBitCount]))
                            }
                        }
                        lines.append(measured.memo[entry: memoEntry].features)
                        return
                    }
                    var features = LineFeatures()
                    let body = Self.droppingListMarker(line)
                    // `hasInlineMarkup(line)`, found by the pass over `body` itself (which stops at
                    // the first markup): the dropped list marker is markup only when it is `*`.
                    let markerIsMarkup = body.count < line.count && line[0] == UInt8(ascii: "*")
                    // The end of a link opened on an earlier line (`Blurb.](https://…)`, or
                    // `](https://…) rest`) without a `[` holds no byte the scan stops at: its
                    // text is link text and its address no words. (With a `[`, the scan sends
                    // the line to the parser, and `linkStats` tells.)
                    var endsWrappedLink = Self.endsWrappedLinkWithoutBracket(body)
                    if markerIsMarkup || endsWrappedLink
                        || !measure(body, row: 0, into: &features, hits: &hits, stoppingAtMarkupOf: line)
                    {
                        if Self.containsLinkTarget(line) {
                            let stats = InlineMarkup.linkStats(utf8: line, scratch: &linkScratch)
                            features.links = stats.links
                            features.linkDensity = stats.links == 0 ? 0 : stats.density
                            endsWrappedLink = stats.endsWrappedLink
                        }
                        var plain = blocks[row].plainTextCache ?? InlineMarkup.writtenText(blocks[row].text)
                        plain.withUTF8 { _ = measure(UnsafeRawBufferPointer($0), row: 0, into: &features, hits: &hits) }
                    }
                    features.endsWrappedLink = endsWrappedLink
                    lines.append(features)
                    let touched = lastTouched
                    let touchedCount = touched.nonzeroBitCount
                    // The touched slots' hits, gathered once (and `hits` cleared for the next
                    // line), then appended to both arrays in one go: an append per slot checked
                    // each array's uniqueness and capacity every time.
                    let memoHits = withUnsafeTemporaryAllocation(of: Int32.self, capacity: 64) { gathered -> Int32? in
                        hits.withUnsafeMutableBufferPointer { hits in
                            var slots = touched
                            var next = 0
                            while slots != 0 {
                                let slot = slots.trailingZeroBitCount
                                gathered[next] = hits[slot]
                                hits[slot] = 0
                                next += 1
                                slots &= slots - 1
                            }
                        }
                        let lineHits = UnsafeBufferPointer(rebasing: gathered[..<touchedCount])
                        if touched != 0 {
                            rowTouched[row] = touched
                            rowStart[row] = Int32(compact.count)
                            compact.append(contentsOf: lineHits)
                        }
                        guard memoHash != 0 else { return nil }  // not to be stored (too long)
                        if measured.hits.count + touchedCount > MeasuredLines.hitsLimit {
                            measured.memo.removeAll()
                            measured.hits.removeAll(keepingCapacity: true)
                        }
                        let hitsStart = Int32(measured.hits.count)
                        measured.hits.append(contentsOf: lineHits)
                        return hitsStart
                    }
                    guard let hitsStart = memoHits else { return }
                    measured.memo.store(
                        MeasuredLine(features: features, touched: touched, hitsStart: hitsStart), bytes: bytes, hash: memoHash)
                }
            }
        }
        /// The hits of `slot` on line `row`.
        func hitsOf(_ row: Int, _ slot: Int) -> Int {
            let touched = rowTouched[row]
            guard touched >> UInt64(slot) & 1 != 0 else { return 0 }
            let below = (touched & ((1 << UInt64(slot)) &- 1)).nonzeroBitCount
            return Int(compact[Int(rowStart[row]) + below])
        }
        // The document's language: the detector's when there is a list for it, otherwise the
        // language whose stopwords are most frequent here. A page confidently in a language
        // without a list (Urdu, Swahili, Welsh, Albanian…) has no stopwords: another
        // language's list would find a few of its words and call its prose short.
        var documentSlot: Int? = document.language.flatMap { index.slot(of: $0.code) }
        let knownWithoutList = document.language.map { !$0.isUndetermined && $0.confidence >= 0.5 } ?? false
        if documentSlot == nil, !knownWithoutList {
            // The document's hits per language, needed only here.
            var totals = [Int](repeating: 0, count: languageCount)
            for row in rowTouched.indices where rowTouched[row] != 0 {
                var slots = rowTouched[row]
                var next = Int(rowStart[row])
                while slots != 0 {
                    totals[slots.trailingZeroBitCount] += Int(compact[next])
                    next += 1
                    slots &= slots - 1
                }
            }
            if let best = totals.indices.max(by: { totals[$0] < totals[$1] }), totals[best] > 0 { documentSlot = best }
        }
        // Lines of a page share a few languages: the last code's slot is kept, not searched
        // for again among the lists' codes on every line.
        var lastCode: String?
        var lastSlot: Int?
        for row in lines.indices {
            var slot = documentSlot
            // Code and confidence, not the guess (a copy of it retains its alternatives).
            if let code = document.blocks[row].languageCode, let confidence = document.blocks[row].languageConfidence,
                confidence >= 0.5
            {
                if code != lastCode {
                    lastCode = code
                    lastSlot = index.slot(of: code)
                }
                if let ownSlot = lastSlot { slot = ownSlot }
            }
            if let slot { lines[row].stopwords = hitsOf(row, slot) }
        }
        return (lines, documentSlot.map { index.languages[$0] })
    }

    /// Every field of `features` for the visible bytes `line` (and the line's stopword hits in
    /// `hits`), in one pass over the bytes.
    ///
    /// Two word definitions share the pass, which is the C kernel `winnow_feature_scan`: the
    /// stopword scanner's (`WordScanner`: letters, digits, in-word apostrophes,
    /// non-punctuation non-ASCII characters; each word is folded, packed and looked up) and the
    /// shape signals' (any non-ASCII byte or ASCII letter or digit: fingerprint, leading words,
    /// capitals, word hashes). Lines in a script written without spaces are counted again
    /// through `WordScanner.scan` (ICU dictionary break); they are rare.
    /// `FeatureExtractorFusedTests` and `FeatureScanTests` check the pass against the per-field
    /// computations.
    ///
    /// - Parameter markupLine: when given, the pass gives up (returning false, with `features`
    ///   and `hits` untouched) at the first byte that makes `hasInlineMarkup(markupLine)` true;
    ///   `line` must then be `markupLine` without its list marker.
    @discardableResult
    func measure(
        _ line: UnsafeRawBufferPointer, row: Int, into features: inout LineFeatures, hits: inout [Int32],
        stoppingAtMarkupOf markupLine: UnsafeRawBufferPointer? = nil
    ) -> Bool {
        let languageCount = index.languages.count
        let base = row * languageCount
        let count = line.count
        // The line's hits go to scratch first (the dictionary-break path counts them anew).
        let rowHits = self.rowHits
        var scan = WinnowLineScan()
        if count + 8 > shapeCapacity {
            shapeBytes.deallocate()
            shapeCapacity = max(count + 8, 2 * shapeCapacity)
            shapeBytes = .allocate(capacity: shapeCapacity)
        }
        let completed = winnow_feature_scan(
            line.baseAddress?.assumingMemoryBound(to: UInt8.self), Int64(count),
            markupLine?.baseAddress?.assumingMemoryBound(to: UInt8.self), Int64(markupLine?.count ?? 0),
            kernelTable, rowHits, wordHashes, Int64(Self.wordHashLimit), shapeBytes, &scan)
        guard completed != 0 else {
            lastTouched = 0
            return false
        }
        var scanWords = Int(scan.words)
        if scan.needsDictionary != 0, scanner.hasDictionaryBreaker {
            scanWords = hits.withUnsafeMutableBufferPointer { hits in
                scanner.scan(line) { mask in
                    var mask = mask
                    while mask != 0 {
                        hits[base + mask.trailingZeroBitCount] += 1
                        mask &= mask - 1
                    }
                }
            }
            Self.clear(rowHits, slots: scan.touched)
            var touched: UInt64 = 0
            for slot in 0..<languageCount where hits[base + slot] != 0 { touched |= 1 << UInt64(slot) }
            lastTouched = touched
        } else {
            hits.withUnsafeMutableBufferPointer { hits in
                var touched = scan.touched
                while touched != 0 {
                    let slot = touched.trailingZeroBitCount
                    hits[base + slot] += rowHits[slot]
                    rowHits[slot] = 0
                    touched &= touched - 1
                }
            }
            lastTouched = scan.touched
        }
        var leading = LeadingWords()
        if scan.leadingCount > 0 {
            withUnsafeBytes(of: scan.leadingStart) { starts in
                withUnsafeBytes(of: scan.leadingEnd) { ends in
                    for word in 0..<min(Int(scan.leadingCount), 3) {
                        let start = Int(starts.load(fromByteOffset: word * 8, as: Int64.self))
                        let end = Int(ends.load(fromByteOffset: word * 8, as: Int64.self))
                        guard 0 <= start, start <= end, end <= count else { continue }
                        leading.append(UnsafeRawBufferPointer(rebasing: line[start..<end]))
                    }
                }
            }
        }
        let wordHashCount = min(Int(scan.wordHashCount), Self.wordHashLimit)
        features.words = scanWords
        features.fingerprint = Int(truncatingIfNeeded: scan.fingerprint)
        features.leadingWords = leading
        let lettered = Int(scan.lettered)
        features.letteredWords = lettered
        features.capitalisedShare = lettered == 0 ? 0 : Double(scan.capitalised) / Double(lettered)
        features.hasTimeOfDay = scan.hasTimeOfDay != 0
        features.hasPipe = scan.pipes > 0
        if features.hasPipe {
            // Counted for lines with a pipe only (inline menus, breadcrumbs, tables).
            features.pipes = Int(scan.pipes)
            features.hasDigit = scan.hasDigit != 0
        }
        features.endsLikeSentence = Self.endsLikeSentence(line)
        features.repeatsPhrase = scan.wantsWordHashes != 0
            && CardTitleHeuristic.repeatsPhrase(
                UnsafeBufferPointer(start: wordHashes, count: wordHashCount), endsLikeSentence: features.endsLikeSentence)
        features.endsWithColon = features.endsLikeSentence && Self.lastNonSpace(line) == UInt8(ascii: ":")
        features.isPlaceholder = count >= 2 && line.first == UInt8(ascii: "[") && line.last == UInt8(ascii: "]")
            && !Self.isBracketedSentence(line, words: features.words)
            || line.isEmpty
        return true
    }

    /// One of the bytes `hasInlineMarkup` looks for: `! # * < > [ \ _` and the backquote.
    @inline(__always)
    static func isMarkupByte(_ byte: UInt8) -> Bool {
        // Bits 0x21 0x23 0x2A 0x3C 0x3E of the low word; 0x5B 0x5C 0x5F 0x60 (less 0x40) of the high.
        let low: UInt64 = 1 << 0x21 | 1 << 0x23 | 1 << 0x2A | 1 << 0x3C | 1 << 0x3E
        let high: UInt64 = 1 << 0x1B | 1 << 0x1C | 1 << 0x1F | 1 << 0x20
        guard byte < 0x80 else { return false }
        return ((byte < 0x40 ? low : high) >> UInt64(byte & 0x3F)) & 1 != 0
    }

    /// Sets the `slots` (bit `i` for slot `i`) of `hits` back to 0.
    private static func clear(_ hits: UnsafeMutablePointer<Int32>, slots: UInt64) {
        var slots = slots
        while slots != 0 {
            hits[slots.trailingZeroBitCount] = 0
            slots &= slots - 1
        }
    }

    /// Whether the colon at `index` is that of a time of day (see `timeOfDayColon`).
    @inline(__always)
    static func isTimeOfDayColon(_ line: UnsafeRawBufferPointer, at index: Int) -> Bool {
        @inline(__always) func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        guard index >= 1, index + 2 < line.count, isDigit(line[index - 1]), isDigit(line[index + 1]), isDigit(line[index + 2]),
            index + 3 == line.count || !isDigit(line[index + 3])
        else { return false }
        let hourStart = index >= 2 && isDigit(line[index - 2]) ? index - 2 : index - 1
        return hourStart == 0 || !isDigit(line[hourStart - 1])
    }

    /// A bracketed editor's note ("[Update: the council has since …]"): a sentence of
    /// `bracketedSentenceWords` or more words that ends like one inside the brackets, not an image's
    /// alt text or a form control.
    static func isBracketedSentence(_ line: UnsafeRawBufferPointer, words: Int) -> Bool {
        guard words >= bracketedSentenceWords, line.count >= 2 else { return false }
        return endsLikeSentence(UnsafeRawBufferPointer(rebasing: line[..<(line.count - 1)]))
    }

    /// Words from which a bracketed line that ends like a sentence is a note, not a placeholder
    /// (6 to 15 measure the same on the dev set).
    static let bracketedSentenceWords = 10

    /// The bytes of `range` as a string, ASCII lower-cased (a word of a valid UTF-8 line: a
    /// run of whole scalars).
    static func loweredWord(_ line: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { buffer in
            for offset in range {
                let byte = line[offset]
                buffer[offset - range.lowerBound] = byte.asciiLowercased
            }
            return range.count
        }
    }

    /// `1:23`, `12:48` followed by a non-digit (or the end).
    static func hasTimeOfDay(_ line: UnsafeRawBufferPointer) -> Bool {
        timeOfDayColon(in: line) != nil
    }

    /// The colon of the first time of day in `line` (`1:23`, `12:48`: one or two digits not
    /// ending a longer number, then two digits and a non-digit or the end) whose colon is at
    /// most at `maximumColon`, or `nil`.
    static func timeOfDayColon(in line: UnsafeRawBufferPointer, maximumColon: Int = .max) -> Int? {
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        var index = 1
        while index + 2 < line.count, index <= maximumColon {
            if line[index] == UInt8(ascii: ":"), isDigit(line[index - 1]), isDigit(line[index + 1]), isDigit(line[index + 2]),
                index + 3 == line.count || !isDigit(line[index + 3])
            {
                let hourStart = index >= 2 && isDigit(line[index - 2]) ? index - 2 : index - 1
                if hourStart == 0 || !isDigit(line[hourStart - 1]) { return index }
            }
            index += 1
        }
        return nil
    }

    static func lastNonSpace(_ line: UnsafeRawBufferPointer) -> UInt8? {
        var end = line.count
        while end > 0, line[end - 1] == 0x20 { end -= 1 }
        return end > 0 ? line[end - 1] : nil
    }

    static func endsLikeSentence(_ line: UnsafeRawBufferPointer) -> Bool {
        var end = line.count
        while end > 0, line[end - 1] == 0x20 { end -= 1 }
        guard end > 0 else { return false }
        let last = line[end - 1]
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"),
            UInt8(ascii: "\""), UInt8(ascii: ")"):
            return true
        default:
            break
        }
        guard end >= 3 else { return false }
        let b0 = line[end - 3], b1 = line[end - 2]
        // … ” ’ » (U+2026, U+201D, U+2019 / U+00BB) and 。！？ (U+3002, U+FF01, U+FF1F); German
        // quotes close with “ and « („Wirklich?“, »Nein«), which open nothing at a line's end.
        if b0 == 0xE2, b1 == 0x80, last == 0xA6 || last == 0x9D || last == 0x99 || last == 0x9C { return true }
        if b1 == 0xC2, last == 0xBB || last == 0xAB { return true }
        if b0 == 0xE3, b1 == 0x80, last == 0x82 { return true }
        if b0 == 0xEF, b1 == 0xBC, last == 0x81 || last == 0x9F { return true }
        return endsWithSmiley(line, end: end)
    }

    /// A blog's sentences end in a smiley as often as in a full stop ("Schönen Sonntag <3",
    /// "Bis bald :D", "Thanks for reading 😊"): an emoji, a heart, or an ASCII smiley after a
    /// space. (`:)` and `;)` end in a parenthesis, which counts already.)
    private static func endsWithSmiley(_ line: UnsafeRawBufferPointer, end: Int) -> Bool {
        // U+1F300-U+1FAFF (pictographs, emoticons, symbols): F0 9F 8C-AB xx.
        if end >= 4, line[end - 4] == 0xF0, line[end - 3] == 0x9F, (0x8C...0xAB).contains(line[end - 2]) { return true }
        // ❤ U+2764, ♥ U+2665, ☺ U+263A, followed or not by the emoji selector U+FE0F (EF B8 8F).
        var stop = end
        if stop >= 3, line[stop - 3] == 0xEF, line[stop - 2] == 0xB8, line[stop - 1] == 0x8F { stop -= 3 }
        if stop >= 3 {
            let (c0, c1, c2) = (line[stop - 3], line[stop - 2], line[stop - 1])
            if c0 == 0xE2, (c1 == 0x9D && c2 == 0xA4) || (c1 == 0x99 && c2 == 0xA5) || (c1 == 0x98 && c2 == 0xBA) { return true }
        }
        // Every ASCII smiley ends in one of these: most lines stop here.
        guard "3DPp^".utf8.contains(line[end - 1]) else { return false }
        for smiley in smileys where end > smiley.count {
            let start = end - smiley.count
            guard line[start - 1] == 0x20 else { continue }
            if zip(smiley, line[start..<end]).allSatisfy({ $0 == $1 }) { return true }
        }
        return false
    }

    private static let smileys: [[UInt8]] = ["<3", ":D", ":-D", ":P", ":p", ":-P", "^^", "^_^", "xD", "XD"].map { Array($0.utf8) }

    /// Markdown that `InlineMarkup` would change: links, emphasis, code, escapes, headings,
    /// autolinks (any `<` goes to the parser, which tells an autolink from "a < b").
    static func hasInlineMarkup(_ line: UnsafeRawBufferPointer) -> Bool {
        // A line of `[S:` openers without a closer is searched once (`TextBrowserStrike`).
        var noStrikeCloserFrom = Int.max
        // Whether the line holds `](`, looked for once: asked again at every `[`, a line of
        // brackets was read once per bracket.
        var linkTarget: Bool?
        for (index, byte) in line.enumerated() {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "\\"),
                UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "<"):
                // `[` alone (a w3m placeholder) needs no parsing; a link needs `](`, and a text
                // browser's link number (`[12]Home`) and w3m's strike marks (`[S:It:S]`) go from
                // the visible text.
                if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "!") {
                    if linkTarget == nil { linkTarget = containsLinkTarget(line) }
                    if linkTarget == true { return true }
                    if byte == UInt8(ascii: "["),
                        TextBrowserLinkNumber.end(in: line, at: index) != nil
                            || TextBrowserStrike.span(in: line, at: index, noCloserFrom: &noStrikeCloserFrom) != nil
                    {
                        return true
                    }
                    continue
                }
                return true
            default:
                continue
            }
        }
        return false
    }

    static func containsLinkTarget(_ line: UnsafeRawBufferPointer) -> Bool {
        guard line.count >= 3 else { return false }
        for index in 0..<(line.count - 1) where line[index] == UInt8(ascii: "]") && line[index + 1] == UInt8(ascii: "(") {
            return true
        }
        return false
    }

    /// Whether a line without a `[` ends a link opened on an earlier line: it starts with
    /// `](url)` or ends with `text](url)`. Asked of lines ending in `)` or starting with `]`
    /// only, and the `[` is looked for sixteen bytes at a time.
    static func endsWrappedLinkWithoutBracket(_ body: UnsafeRawBufferPointer) -> Bool {
        guard let first = body.first, first == UInt8(ascii: "]") || body.last == UInt8(ascii: ")"),
            SWAR.firstIndex(in: body, from: 0, of: 0x5B, 0x5B, 0x5B) == body.count
        else { return false }
        return first == UInt8(ascii: "]") && InlineMarkup.danglingLinkTail(body) > 0 || InlineMarkup.endsWithDanglingLink(body)
    }

    /// The line without a leading bullet (`•`, `*`, `-`, `+`, `□`, `◦`), so it is not a word.
    static func droppingListMarker(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        if line.count >= 2, line[0] == UInt8(ascii: "*") || line[0] == UInt8(ascii: "-") || line[0] == UInt8(ascii: "+"),
            line[1] == 0x20
        {
            start = 2
        } else if line.count >= 4, line[0] == 0xE2, line[3] == 0x20 {
            start = 4
        }
        while start < line.count, line[start] == 0x20 { start += 1 }
        return UnsafeRawBufferPointer(rebasing: line[start...])
    }
}


/// Hands out line memos to concurrent feature extractors and takes them back.
final class MeasuredLinePool: @unchecked Sendable {
    // @unchecked: `free` is only touched under `lock`; a checked-out memo has one user.
    private let lock = Mutex(())
    private var free: [FeatureExtractor.MeasuredLines] = []

    func checkOut() -> FeatureExtractor.MeasuredLines {
        lock.withLock { _ in free.popLast() } ?? FeatureExtractor.MeasuredLines()
    }

    func checkIn(_ measured: FeatureExtractor.MeasuredLines) {
        lock.withLock { _ in free.append(measured) }
    }
}

