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
            // An INI section header over its first setting is a code listing, not alt text.
            HeuristicExample("""
                To turn the extension on, open the repository's configuration file in an editor and add these two lines at the end of it, then save the file and run the command again.

                [extensions]
                evolve =

                The next command you run in that repository will then load the extension, and the new commands it brings are listed by the help command like the built-in ones.
                """),
        ])

    static func reason(_ features: LineFeatures) -> String? {
        features.isPlaceholder ? "line is only an image or form placeholder" : nil
    }

    /// Whether the bracketed line `index` heads a `key = value` line right below it in its
    /// paragraph: an INI or TOML section header in a code listing (`[extensions]` over
    /// `evolve =`), which `ui.bracketed-text` leaves alone too (its `unless-next`). The same
    /// paragraph, not merely the next line: the two then stay together in the output, so
    /// cleaning it again keeps both.
    static func headsAssignment(at index: Int, blocks: [Block]) -> Bool {
        let next = index + 1
        guard next < blocks.count, blocks[next].paragraph == blocks[index].paragraph,
            blocks[index].text.utf8.first(where: { $0 != UInt8(ascii: " ") }) == UInt8(ascii: "[")
        else { return false }
        return isAssignment(blocks[next].text.utf8)
    }

    /// `name =` or `name = value` after optional spaces: a name of ASCII letters, digits, `_`,
    /// `.` and `-` that starts with a letter or `_`.
    static func isAssignment(_ line: String.UTF8View) -> Bool {
        var bytes = line.drop { $0 == UInt8(ascii: " ") }[...]
        guard let first = bytes.first, first.isASCIILetterOrUnderscore else { return false }
        bytes = bytes.drop {
            $0.isASCIILetterOrUnderscore || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-")
        }
        return bytes.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.first == UInt8(ascii: "=")
    }
}

extension UInt8 {
    fileprivate var isASCIILetterOrUnderscore: Bool {
        (self | 0x20) >= UInt8(ascii: "a") && (self | 0x20) <= UInt8(ascii: "z") || self == UInt8(ascii: "_")
    }
}
