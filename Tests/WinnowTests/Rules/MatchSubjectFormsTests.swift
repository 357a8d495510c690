import Testing
@testable import Winnow

/// The rule matcher derives a line's plain text and folds from its bytes into reusable
/// buffers (`MatchSubject`, `LineBuffer`); these tests check that they are the bytes the string
/// definitions give: `InlineMarkup.plainText` for the plain text, `MatchSubject.fold` (ICU full
/// case folding) for each fold.
@Suite struct MatchSubjectFormsTests {
    struct Forms {
        var plain: [UInt8]
        var rawFolded: [UInt8]
        var plainFolded: [UInt8]
        var plainOffsetInRaw: Int?
    }

    /// The forms of `line` as the matcher makes them.
    static func forms(of line: String, foldRaw: Bool, buffers: [LineBuffer]? = nil) -> Forms {
        let buffers = buffers ?? [LineBuffer(), LineBuffer(), LineBuffer()]
        var line = line
        var scratch: [UInt8] = []
        return line.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            let (plain, _) = MatchSubject.plainText(of: raw, scratch: &scratch, buffer: buffers[0])
            let subject = MatchSubject(raw: raw, plain: plain, foldRaw: foldRaw, rawBuffer: buffers[1], plainBuffer: buffers[2])
            return Forms(
                plain: Array(subject.plain), rawFolded: Array(subject.rawFolded), plainFolded: Array(subject.plainFolded),
                plainOffsetInRaw: subject.plainOffsetInRaw)
        }
    }

    /// Lines with markdown, list markers, caseless and cased non-ASCII text; trimmed, as the
    /// segmenter makes a block's text. (No lone combining mark: a line that opens with one and
    /// then `](` is its own plain text to `MatchSubject.plainText`, a dangling link tail to the
    /// parser; NFC text does not start that way.)
    static func randomLines(count: Int, seed: UInt64) -> [String] {
        let pieces = [
            "Home", "• ", "* ", "- ", "+ ", "· ", "  ", " ", "[", "]", "(", ")", "](/x)", "**", "_", "`", "#", "> ", "!",
            "\t", "Straße", "ÉCOLE", "é", "İ", "ß", "µ", "Σ", "ς", "→", "©", "—", "ไทย", "日本", "한국", "🙂", "Ⅻ", "Ⓐ",
            "ﬁ", "Share", "REPLY", "12:04 pm", "Notify me", "[ ]", "\\", "1.", "Ä", "ǅ",
        ]
        var generator = SplitMix(state: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...10, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }
                .joined().trimmingBlanks()
        }
    }

    @Test func formsEqualTheStringDefinitions() {
        // One set of buffers for every line, as a worker keeps them: a longer line grows them.
        let buffers = [LineBuffer(capacity: 16), LineBuffer(capacity: 16), LineBuffer(capacity: 16)]
        var lines = Self.randomLines(count: 3000, seed: 7)
        lines += ["", "x", "•", "• x", "* [Home](/)", String(repeating: "Ä • ", count: 300) + "Ä"]
        for line in lines {
            for foldRaw in [true, false] {
                let forms = Self.forms(of: line, foldRaw: foldRaw, buffers: buffers)
                let plain = MatchSubject.plainText(line)
                #expect(forms.plain == Array(plain.utf8), "\(line.debugDescription)")
                // (Where the parser reads the line otherwise, `- ](/x)`, `* ### Title`, see
                // `blocksKeepTheRulesPlainTextWhereTheParserDiffers`.)
                // ICU's fold is the reference (`MatchSubject.fold` shares the shortcut's code).
                #expect(forms.plainFolded == Array(Normalizer.foldCase(plain).utf8), "\(line.debugDescription)")
                #expect(forms.rawFolded == (foldRaw ? Array(Normalizer.foldCase(line).utf8) : []), "\(line.debugDescription)")
                if let tail = forms.plainOffsetInRaw {
                    #expect(Array(forms.rawFolded[tail...]) == forms.plainFolded, "\(line.debugDescription)")
                }
            }
        }
    }

    @Test func byteHelpersAgreeWithStrings() {
        for line in Self.randomLines(count: 500, seed: 11) {
            var copy = line
            copy.withUTF8 { bytes in
                let raw = UnsafeRawBufferPointer(bytes)
                #expect(MatchSubject.wordCount(raw) == MatchSubject.wordCount(line))
                #expect(MatchSubject.scalarCount(raw) == line.unicodeScalars.count)
                #expect(MatchSubject.mayHoldDigit(raw) == MatchSubject.mayHoldDigit(line))
            }
        }
    }

    /// The rules read a line as the text writer writes it, so a line they would drop in the
    /// clean text is dropped in the first cleaning (`* #### Share` is `Share`, not `#### Share`);
    /// where the shortcut's tail is not that text the rules store theirs in the block, and every
    /// later stage reads it from `Block.plainText`.
    @Test func rulesReadTheWrittenTextAndBlocksKeepIt() throws {
        var lines = [
            "* ### Title", "- ](/x) tail", "• Home", "Plain line", "* [Home](/)", "+ ## Menu ##", "# Head", "*   * Next",
            "*   *   *   * Share", "* #### Share This Post",
        ]
        lines += Self.randomLines(count: 2000, seed: 3)
        var differing = 0
        for line in lines {
            var copy = line
            var scratch: [UInt8] = []
            let agrees = copy.withUTF8 { bytes in
                MatchSubject.plainText(of: UnsafeRawBufferPointer(bytes), scratch: &scratch, buffer: LineBuffer()).parserAgrees
            }
            if !agrees { differing += 1 }
            let blocks = Segmenter().blocks(from: line)
            guard blocks.count == 1 else { continue }
            let written = TextRenderer().render(Document(id: "t", blocks: blocks))
            #expect(MatchSubject.plainText(line) + (written.isEmpty ? "" : "\n") == written, "\(line.debugDescription)")
        }
        #expect(differing > 0)
        #expect(MatchSubject.plainText("* #### Share This Post") == "Share This Post")
        #expect(MatchSubject.plainText("*   * Next") == "Next")
        // Twice: the second time every line's outcome comes from the memo.
        let ruleSet = try RuleSet.builtin()
        for _ in 0..<2 {
            var document = Document(id: "t", blocks: Segmenter().blocks(from: lines.joined(separator: "\n\n")))
            ruleSet.apply(to: &document, options: RuleOptions())
            for block in document.blocks {
                #expect(block.plainText == MatchSubject.plainText(block.text), "\(block.text.debugDescription)")
            }
        }
    }

    /// A widget label that html2text writes as a heading in a list item goes in the first
    /// cleaning, as it would in the second.
    @Test func aHeadingInAListItemMeetsTheRulesOfItsText() throws {
        let ruleSet = try RuleSet.builtin()
        var document = Document(id: "t", blocks: Segmenter().blocks(from: "* #### Share This Post\n\n*   * Next"))
        ruleSet.apply(to: &document, options: RuleOptions())
        #expect(document.blocks.allSatisfy { $0.verdict?.action == .drop })
    }

    /// The eight-bytes-at-a-time ASCII fold against ICU, on every ASCII byte in every position.
    @Test func asciiFoldMatchesICU() {
        let ascii = (0..<128).map { UInt8($0) }
        var generator = SplitMix(state: 9)
        for _ in 0..<3000 {
            var bytes = generator.bytes(from: ascii, count: 0...40)
            if generator.below(3) == 0, !bytes.isEmpty { bytes.insert(contentsOf: Array("—".utf8), at: generator.below(bytes.count)) }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(MatchSubject.foldWithoutICU(text) == Array(Normalizer.foldCase(text).utf8), "\(bytes)")
        }
    }

    /// The byte-class `plainStart` gives what the byte-by-byte switch it replaced gave.
    @Test func plainStartMatchesTheReferenceScan() {
        let alphabet = Array("ab *-+[]_`\\!\t#>·•é <".utf8) + [0xE2, 0xC2, 0x80, 0xA2, 0xB7]
        var generator = SplitMix(state: 5)
        for _ in 0..<20000 {
            let line = generator.bytes(from: alphabet, count: 0...12)
            line.withUnsafeBytes { bytes in
                #expect(MatchSubject.plainStart(bytes) == Self.referencePlainStart(bytes), "\(line)")
            }
        }
    }

    /// `MatchSubject.plainStart` as it was first written.
    static func referencePlainStart(_ bytes: UnsafeRawBufferPointer) -> Int {
        var start = 0
        if bytes.count > 2, (bytes[0] == UInt8(ascii: "*") || bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+")),
            bytes[1] == 0x20
        {
            start = 2
        } else if bytes.count > 4, bytes[0] == 0xE2, bytes[1] == 0x80, bytes[2] == 0xA2, bytes[3] == 0x20 {
            start = 4
        } else if bytes.count > 3, bytes[0] == 0xC2, bytes[1] == 0xB7, bytes[2] == 0x20 {
            start = 3
        }
        while start > 0, start < bytes.count, bytes[start] == 0x20 { start += 1 }
        var previousSpace = false
        for offset in start..<bytes.count {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "\\"),
                UInt8(ascii: "!"), UInt8(ascii: "\t"), UInt8(ascii: "<"):
                return -1
            case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "]"), 0xE2, 0xC2:
                if offset == 0 { return -1 }
            case 0x20:
                if previousSpace { return -1 }
            default:
                break
            }
            previousSpace = byte == 0x20
        }
        return start
    }
}

extension String {
    fileprivate func trimmingBlanks() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
