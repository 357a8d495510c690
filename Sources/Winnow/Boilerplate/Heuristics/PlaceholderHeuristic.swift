/// Drops a line that is only `[…]`: what a text browser prints for an image (its alt text or
/// file name) or a form control, and markdown lines that are only images.
///
/// Source: C4 keeps only lines ending in terminal punctuation, which removes these too; this
/// is the narrow, language-free part of that rule (the field notes count such a line on 1,233
/// of 1,372 pages).
enum PlaceholderHeuristic {
    static let id = "heuristic.placeholder"
    static let description = HeuristicDescription(
        id: id,
        name: "Image and form placeholders",
        description: "A line that is nothing but [bracketed text] or an image: an image's file name or alt text, or a form field. A bracketed sentence of 10+ words ending like one (an editor's note) is not a placeholder.",
        source: "C4 (lines must end in terminal punctuation), narrowed to bracket-only lines",
        examples: [
            HeuristicExample("""
                ↓[coast-road-flood-0412]
                The coastal road was closed on Tuesday after the storm washed sand and stones over the tarmac, and the council said it would stay shut for the rest of the week while crews clear it.
                Residents were told to use the inland route, which adds about twenty minutes to the drive into town for most of the people who live along the bay.
                [Update: the council said on Monday that the road will open again on Friday, two days earlier than planned.]
                ↓[                    ]
                ↓![](http://example.com/pixel.gif)
                """),
            // The lead image between the title and the text does not cut the title off.
            HeuristicExample("""
                Coast road closed after storm
                By Ann Lee, county reporter
                ↓[coast-road-flood-0412]
                The coastal road was closed on Tuesday after the storm washed sand and stones over the tarmac, and the council said it would stay shut for the rest of the week while crews clear it.
                Residents were told to use the inland route, which adds about twenty minutes to the drive into town for most of the people who live along the bay.
                """),
        ])

    static func reason(_ features: LineFeatures) -> String? {
        features.isPlaceholder ? "line is only an image or form placeholder" : nil
    }
}
