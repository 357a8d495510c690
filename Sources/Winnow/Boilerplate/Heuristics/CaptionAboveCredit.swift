/// Drops the caption line right above a line that only credits a photo.
///
/// Text renderings of current news pages print a figure as its caption and, on the next line,
/// the credit ("Finanzminister im Bundestag: Kürzungen geplant" / "Foto: Kay Nietfeld / dpa").
/// The credit line goes by rule (one with the `photo-credit` signal, `captions.photo-credit`);
/// the caption above it, in the same paragraph, is a caption too. `--keep-captions` keeps it.
///
/// A text browser prints a figure's alt text on its own line right above the figure's caption
/// ("People in combat gear stand near white vans" / "Israeli security forces near a checkpoint
/// … Photograph: AHMAD GHARABLI/Getty Images"): when a rule drops the caption by its credit,
/// the short unpunctuated line above it in its paragraph is the same picture's text
/// (`isAltText`).
enum CaptionAboveCredit {
    static let id = "heuristic.caption-above-credit"
    /// Captions are a sentence or two at most.
    static let maximumWords = 40

    static let description = HeuristicDescription(
        id: id,
        name: "Caption above a credit",
        description: "A short line right above a line that only credits a photo (Photo: Jane Doe, AP; Foto: dpa), in the same paragraph, is that photo's caption; a phrase without closing punctuation right above a caption that a rule dropped as picture text is that picture's alt text. Kept with --keep-captions.",
        source: "field notes (captions with their credit on the next line)",
        examples: [])

    /// Alt texts are a phrase, not a paragraph.
    static let maximumAltTextWords = 16
    /// An alt text that repeats its caption's opening is taken at any length from this many
    /// words: two words ("The minister") may open a caption and a sentence alike.
    static let minimumRepeatedWords = 4

    /// Whether the line at `index` is the caption of a credit line below it.
    static func isCaption(at index: Int, blocks: [Block], words: Int) -> Bool {
        // Read through the storage: `blocks[index]` copied the whole block (retaining its
        // references) for each field, on every undecided line of the page.
        blocks.withUnsafeBufferPointer { isCaption(at: index, blocks: $0, words: words) }
    }

    private static func isCaption(at index: Int, blocks: UnsafeBufferPointer<Block>, words: Int) -> Bool {
        let next = index + 1
        guard next < blocks.count, !blocks[index].isDecided, blocks[index].kind == .paragraph,
            blocks[next].paragraph == blocks[index].paragraph, words > 0, words <= maximumWords,
            // The verdict's fields in place: a copy of the verdict retained both its strings.
            blocks[next].verdictAction == .drop, blocks[next].verdictSignals?.contains(.photoCredit) == true
        else { return false }
        // Three sentences or more are a paragraph, not a caption: a post's closing "PS: Habe
        // zuhause … getestet, Ehrensache. Da hat nix gespritzt. …" over the credit for the
        // post's photos ("Photo Credit: Catwalkpictures").
        return sentenceBreaks(in: blocks[index].plainText) < 2
    }

    /// How many times a sentence ends inside `text` and another begins: `.`, `!` or `?`, a
    /// space, then an upper-case letter.
    static func sentenceBreaks(in text: String) -> Int {
        var breaks = 0
        var previous: Character?
        var beforePrevious: Character?
        for character in text {
            if let mark = beforePrevious, ".!?".contains(mark), previous == " ", character.isUppercase { breaks += 1 }
            beforePrevious = previous
            previous = character
        }
        return breaks
    }

    /// Whether the line at `index` is the alt text of the picture whose caption, on the next
    /// line of its paragraph, a rule dropped as picture text (`image-text`): a phrase without
    /// closing punctuation over a caption that reads as one (two stopwords or more), or the
    /// caption's own opening words, which templates repeat as the alt text (a sentence then:
    /// "The sun rises over an oil field …" over "The sun rises over an oil field ….David
    /// McNew—Getty Images"). A file name or a slug with its credit
    /// ("[05well_smoking2-articleInl]Bruce Dale/Getty Images") says nothing of the byline
    /// above it.
    static func isAltText(at index: Int, blocks: [Block], features: [LineFeatures]) -> Bool {
        let next = index + 1
        let line = features[index]
        guard next < blocks.count, line.words > 0, line.words <= maximumWords, features[next].words >= line.words,
            blocks.withUnsafeBufferPointer({ blocks in
                !blocks[index].isDecided && blocks[index].kind == .paragraph
                    && blocks[next].paragraph == blocks[index].paragraph && blocks[next].verdictAction == .drop
                    && blocks[next].verdictSignals?.contains(.imageText) == true
            })
        else { return false }
        if line.words <= maximumAltTextWords, !line.endsLikeSentence, !line.endsWithColon,
            features[next].words >= 6, features[next].stopwords >= 2
        {
            return true
        }
        guard line.words >= minimumRepeatedWords else { return false }
        return Block.plainText(of: blocks, at: next).hasPrefix(Block.plainText(of: blocks, at: index))
    }
}
