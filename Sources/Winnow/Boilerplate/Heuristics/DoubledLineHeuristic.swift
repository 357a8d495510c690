/// Drops the first of a line that a text browser printed twice: a picture's alt text over its
/// caption or a card's title, when the template wrote the same words into both.
///
/// w3m and lynx print an image's alt text on its own line and the figure's caption under it;
/// many templates fill both from one field, so the clean text showed one line twice in a row
/// ("Associate Justice Samuel Alito sits during a group photo …" twice, its credit in the next
/// paragraph; a teaser list whose every title stood twice). Prose never says the same sentence
/// twice in a row. The pair is read from the kept lines as the clean text will show them
/// (consecutive in one paragraph, whatever was dropped between them), so that cleaning the
/// clean text again finds the same pairs (read from the source lines instead, a page whose
/// two copies were apart in the source and next to each other in the clean text was cleaned
/// differently the second time).
///
/// Only the first copy goes: the text is then shown once, as the page showed it. Dropping both
/// (the pair as a caption) scored a little better on the dev set (w3m +0.0004 instead of
/// +0.0002), but broke the modes' nesting: where the balanced region began between the two
/// copies, the wider recall region took both and dropped the one balanced kept. A song whose
/// refrain repeats a line of four or more words right away is sung once.
enum DoubledLineHeuristic {
    static let id = "heuristic.doubled-line"
    /// Two or three words ("Read more", a name) repeat in menus and bylines, which the other
    /// heuristics judge; a picture's sentence is longer.
    static let minimumWords = 4

    static let description = HeuristicDescription(
        id: id,
        name: "Doubled picture text",
        description: "A line of four or more words that the clean text would show twice in a row (a picture's alt text over its caption or a card's title, printed from the same field): the first copy is dropped.",
        source: "field notes (text browsers print an image's alt text above its caption)",
        examples: [
            HeuristicExample("""
                The court heard the case on Monday, and the justices asked both sides about the limits of the new rule for almost two hours.

                ↓Associate Justice Samuel Alito sits during a group photo of the Justices in Washington.
                Associate Justice Samuel Alito sits during a group photo of the Justices in Washington.

                A ruling is expected before the summer recess, the court's spokeswoman said after the hearing ended in the afternoon.
                """),
        ])

    /// The first line of each pair of undecided lines that the clean text would show one right
    /// under the other with the same text.
    static func firstCopies(in blocks: [Block], features: [LineFeatures]) -> [Int] {
        var firstCopies: [Int] = []
        var previous: Int?
        var paragraph: Int?
        // Through the array's buffer: each block is read where it is, not copied.
        blocks.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index].verdictAction != .drop {
                let lineParagraph = buffer[index].paragraph
                if lineParagraph != paragraph { previous = nil }
                paragraph = lineParagraph
                // An image line writes nothing: the lines around it meet in the clean text.
                if features[index].words == 0 { continue }
                if let first = previous, isCopy(first, index, blocks: blocks, features: features) {
                    firstCopies.append(first)
                    previous = nil
                } else {
                    previous = index
                }
            }
        }
        return firstCopies
    }

    /// Whether the undecided lines `first` and `second` say the same, in four words or more,
    /// as the clean text shows them: a caption kept without its credit (`--keep-captions`,
    /// `creditStart`) shows its text before the credit (compared without a closing mark).
    private static func isCopy(_ first: Int, _ second: Int, blocks: [Block], features: [LineFeatures]) -> Bool {
        guard features[first].words >= minimumWords, !Block.isDecided(blocks, at: first),
            !Block.isDecided(blocks, at: second)
        else { return false }
        let credits = blocks.withUnsafeBufferPointer { ($0[first].creditStart, $0[second].creditStart) }
        // The same words in the same case-folded letters and digits: an alt text without the
        // caption's full stop is its copy too.
        guard credits.0 != nil || credits.1 != nil else {
            return features[first].words == features[second].words
                && features[first].fingerprint == features[second].fingerprint
        }
        var firstText = Block.plainText(of: blocks, at: first)
        var secondText = Block.plainText(of: blocks, at: second)
        return firstText.withUTF8 { firstBytes in
            secondText.withUTF8 { secondBytes in
                shown(UnsafeRawBufferPointer(firstBytes), credit: credits.0)
                    .elementsEqual(shown(UnsafeRawBufferPointer(secondBytes), credit: credits.1))
            }
        }
    }

    /// A line's visible text as the clean text shows it, without a kept caption's credit, and
    /// without a closing full stop, question or exclamation mark.
    private static func shown(_ visible: UnsafeRawBufferPointer, credit: Int32?) -> UnsafeRawBufferPointer {
        var text = credit.map { TextRenderer.trimmedBeforeCredit(visible, at: Int($0)) } ?? visible
        while let last = text.last, last == 0x20 || last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") {
            text = UnsafeRawBufferPointer(rebasing: text.dropLast())
        }
        return text
    }
}
