/// Joins the lines of a markdown link or image that a fixed-width wrap cut apart.
///
/// html2text wraps at 78 columns by default, and so do markdown converters set to a width:
/// `![Scott and Kathy` / `Cleveland](http://…jpg)` or `[Email](http://…"Email this` /
/// `story")`. Each piece alone is nonsense to every later judgement (an image line reads as
/// prose, a URL tail as a paragraph), so the reader puts the link back on one block before
/// anything looks at it. The block keeps the first line's number and counts the lines it
/// stands for (`SourceSpan.lineCount`), so explain and the removed spans still point at the
/// input.
///
/// Only a construct that really is a link or image (`](` follows the text) and that closes
/// within a few lines of the same paragraph is joined: a lone `[` in prose, or an unclosed one
/// at a paragraph's end, leaves the lines as they are.
enum WrappedLinkJoiner {
    /// Lines a wrapped link may span: a teaser card's link holds an image with alt text, the
    /// headline, a date and a title attribute repeating the headline, each cut a few times.
    static let maximumLines = 10
    /// Lines one joined block may hold however often its links close and reopen (a paragraph
    /// of cards that each end open would otherwise become one block).
    static let maximumJoinedLines = 40

    /// `blocks` with each wrapped link's lines joined into one block.
    static func join(_ blocks: inout [Block]) {
        guard blocks.count > 1 else { return }
        var joined: [Block]? = nil
        var index = 0
        while index < blocks.count {
            let end = linkEnd(in: blocks, from: index)
            if end > index {
                if joined == nil {
                    joined = Array(blocks[..<index])
                    joined?.reserveCapacity(blocks.count)
                }
                joined?.append(joinedBlock(blocks[index...end]))
                index = end + 1
            } else {
                joined?.append(blocks[index])
                index += 1
            }
        }
        if let joined { blocks = joined }
    }

    /// The index of the line that closes a link left open at the end of `blocks[start]`, or
    /// `start` when there is none to join.
    private static func linkEnd(in blocks: [Block], from start: Int) -> Int {
        // A line with no bracket, backslash or quote carries the `verbatim` trait: no link opens.
        if blocks[start].traits.contains(.verbatim) { return start }
        var scan = LinkScan()
        guard blocks[start].withUTF8Text({ LinkScan.endsOpen($0, scan: &scan) }) else { return start }
        let paragraph = blocks[start].paragraph
        var index = start + 1
        // The line budget counts from the last line where every construct closed: a card's
        // link can close and the next one open on the same line ("…Sandy\") [ Suzuki …").
        var budgetStart = start
        while index < blocks.count, index - budgetStart < maximumLines, index - start < maximumJoinedLines,
            blocks[index].paragraph == paragraph
        {
            let closures = scan.closures
            scan.feedLineBreak()
            blocks[index].withUTF8Text { scan.feed($0) }
            if !scan.isOpen { return scan.sawTarget ? index : start }
            if scan.closures > closures { budgetStart = index }
            index += 1
        }
        return start
    }

    /// One block for the lines of `run`, joined by single spaces (the wrap took one space).
    private static func joinedBlock(_ run: ArraySlice<Block>) -> Block {
        guard let first = run.first, let last = run.last else { return Block(text: "", origin: SourceSpan(line: 0, byteOffset: 0, byteLength: 0)) }
        var bytes: [UInt8] = []
        for block in run {
            if !bytes.isEmpty { bytes.append(0x20) }
            block.withUTF8Text { bytes.append(contentsOf: $0) }
        }
        let kind = bytes.withUnsafeBytes { LineShape.kind(of: $0) }
        let origin = SourceSpan(
            line: first.origin.line, byteOffset: first.origin.byteOffset,
            byteLength: last.origin.byteOffset + last.origin.byteLength - first.origin.byteOffset,
            lineCount: last.origin.lastLine - first.origin.line + 1)
        return Block(
            text: String(decoding: bytes, as: UTF8.self), kind: kind, paragraph: first.paragraph, indent: first.indent,
            origin: origin)
    }
}

/// Follows markdown link syntax across lines: open brackets, and a link target's parentheses
/// (with a quoted title, whose parentheses do not count).
struct LinkScan {
    /// `[` not yet closed by `]`.
    private(set) var openBrackets = 0
    /// Depth of parentheses inside a link target, 0 outside one.
    private(set) var targetDepth = 0
    /// Inside the quoted title of a link target.
    private var inTitle = false
    /// The last byte fed was `]` (a `(` right after it opens a target).
    private var afterBracket = false
    /// The last byte fed was a backslash (the next byte is literal).
    private var escaped = false
    /// Some `](` was seen: the construct is a link or image, not a bracketed aside.
    private(set) var sawTarget = false
    /// Times every open construct closed (the scan went from open to closed).
    private(set) var closures = 0

    /// Whether a link or image is still open.
    var isOpen: Bool { openBrackets > 0 || targetDepth > 0 }

    /// Whether a link or image is open at the end of `line`, leaving the scan of the line in
    /// `scan`. The reader and the profile's byte path both decide with this function.
    ///
    /// Most markdown lines close everything they open: a line with no more `[` than `]` and
    /// no more `(` than `)` counts as closed without the byte-by-byte scan (counting is eight
    /// bytes per step; the scan would cost the reader a third of its time on markdown).
    static func endsOpen(_ line: UnsafeRawBufferPointer, scan: inout LinkScan) -> Bool {
        var brackets = 0
        var parentheses = 0
        var index = 0
        let count = line.count
        // Sixteen bytes per step; each lane counts openers minus closers (a true compare is -1)
        // and is summed before it could overflow.
        while index + 16 <= count {
            var bracketLanes = SIMD16<Int8>()
            var parenthesisLanes = SIMD16<Int8>()
            var steps = 0
            while index + 16 <= count, steps < 100 {
                let vector = line.loadUnaligned(fromByteOffset: index, as: SWAR.Vector.self)
                bracketLanes &+= lanes(vector .== SWAR.Vector(repeating: 0x5D)) &- lanes(vector .== SWAR.Vector(repeating: 0x5B))
                parenthesisLanes &+=
                    lanes(vector .== SWAR.Vector(repeating: 0x29)) &- lanes(vector .== SWAR.Vector(repeating: 0x28))
                index += 16
                steps += 1
            }
            brackets += laneSum(bracketLanes)
            parentheses += laneSum(parenthesisLanes)
        }
        while index < count {
            switch line[index] {
            case 0x5B: brackets += 1
            case 0x5D: brackets -= 1
            case 0x28: parentheses += 1
            case 0x29: parentheses -= 1
            default: break
            }
            index += 1
        }
        guard brackets > 0 || parentheses > 0 else { return false }
        scan.feed(line)
        return scan.isOpen
    }

    /// The sum of sixteen signed lanes, read as two words (the standard library's reduction
    /// is a call per use).
    @inline(__always)
    private static func laneSum(_ lanes: SIMD16<Int8>) -> Int {
        let words = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        var sum = 0
        var low = words[0]
        var high = words[1]
        for _ in 0..<8 {
            sum += Int(Int8(truncatingIfNeeded: low)) + Int(Int8(truncatingIfNeeded: high))
            low >>= 8
            high >>= 8
        }
        return sum
    }

    /// A compare's lanes as numbers: -1 where it held, 0 elsewhere.
    @inline(__always)
    private static func lanes(_ mask: SIMDMask<SIMD16<Int8>>) -> SIMD16<Int8> {
        unsafeBitCast(mask, to: SIMD16<Int8>.self)
    }

    /// Feeds the space that stood where a wrap broke the line.
    mutating func feedLineBreak() {
        if afterBracket, openBrackets == 0, targetDepth == 0 { closures += 1 }
        afterBracket = false
        escaped = false
    }

    mutating func feed(_ bytes: UnsafeRawBufferPointer) {
        for byte in bytes {
            if escaped {
                escaped = false
                afterBracket = false
                continue
            }
            let wasAfterBracket = afterBracket
            afterBracket = false
            // A `]` that closed the last bracket without a target after it closed everything.
            if wasAfterBracket, byte != UInt8(ascii: "("), openBrackets == 0, targetDepth == 0 { closures += 1 }
            if targetDepth > 0 {
                switch byte {
                case UInt8(ascii: "\""): inTitle.toggle()
                case UInt8(ascii: "("): if !inTitle { targetDepth += 1 }
                case UInt8(ascii: ")"): if !inTitle { targetDepth -= 1 }
                case UInt8(ascii: "\\"): escaped = true
                default: break
                }
                if targetDepth == 0 {
                    inTitle = false
                    if openBrackets == 0 { closures += 1 }
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\\"):
                escaped = true
            case UInt8(ascii: "["):
                openBrackets += 1
            case UInt8(ascii: "]"):
                if openBrackets > 0 {
                    openBrackets -= 1
                    afterBracket = true
                }
            case UInt8(ascii: "("):
                if wasAfterBracket {
                    targetDepth = 1
                    sawTarget = true
                }
            default:
                break
            }
        }
    }
}
