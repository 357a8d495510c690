/// A figure between two of the article's paragraphs: its caption and alt text weigh nothing
/// against the article region (they are still dropped as captions).
///
/// A picture inside an article renders as up to four lines (the picture or its alt text, the
/// caption, the credit), which rules and heuristics drop as picture text. Each costs the region
/// by its length, so a figure between the paragraphs of a short article (three paragraphs,
/// one above the picture) cut it in two, and the shorter part was lost: "An article that is
/// short must survive". Only a figure with a caption that reads as one (six words, two
/// stopwords), right between two lines of prose that end like sentences, is weightless: a
/// credited photo above a teaser headline (dn_R742: "[H/T: … photo: Max Oden via Dothan
/// Eagle]" over "Witness One Woman's Descent Into Madness …") ends the article as before, and
/// every rule-dropped caption made weightless let teaser grids with captioned pictures in
/// (dn_R742, dn_R745, dn_R747). The picture's own line (a placeholder) keeps its class: it is
/// dropped as a placeholder, and `--keep-markdown` does not gain it.
enum InlineFigure {
    /// The most lines of one figure: picture, alt text, caption, credit.
    static let maximumLines = 4

    /// The lines of figures between two prose lines, besides the pictures themselves.
    static func weightlessLines(
        classes: [BlockClass], features: [LineFeatures], captionLines: [Bool], blocks: [Block]
    ) -> [Int] {
        let count = classes.count
        func isPictureText(_ index: Int) -> Bool {
            captionLines[index] || features[index].isPlaceholder
                || blocks.withUnsafeBufferPointer {
                    $0[index].verdictAction == .drop && $0[index].verdictSignals?.contains(.imageText) == true
                }
        }
        func isProse(_ index: Int) -> Bool {
            classes[index] == .good && features[index].endsLikeSentence
        }
        var lines: [Int] = []
        var start = 0
        while start < count {
            guard isPictureText(start) else {
                start += 1
                continue
            }
            var end = start
            while end + 1 < count, isPictureText(end + 1) { end += 1 }
            let figure = start...end
            if figure.count <= maximumLines, start > 0, end + 1 < count, isProse(start - 1), isProse(end + 1),
                figure.contains(where: { features[$0].words >= 6 && features[$0].stopwords >= 2 })
            {
                lines.append(contentsOf: figure.filter { !features[$0].isPlaceholder })
            }
            start = end + 1
        }
        return lines
    }
}
