/// One rule from a rule file: what it matches, how far it reaches, and what it does.
///
/// Rules are data (`Rules/**/*.yaml`); the schema is documented in `Rules/README.md`. A rule is
/// compiled once into a matcher when its `RuleSet` is built.
public struct Rule: Sendable, Hashable {
    /// `category.kebab-name`, unique across all loaded files.
    public var id: String
    /// A short human name.
    public var name: String
    /// One sentence: what the rule removes (shown by `winnow rules list` and in explain output).
    public var description: String
    /// How much text one match covers.
    public var scope: RuleScope
    /// What the line (or paragraph) must look like.
    public var match: RulePattern
    /// A pattern that vetoes a match.
    public var unless: RulePattern?
    /// For `line` rules: a regex that vetoes a match when the next line of the same paragraph
    /// matches it (an INI `[section]` header over `key = value` is code, not alt text).
    public var unlessNext: RulePattern?
    /// For `section` rules: how far below the label line the section reaches.
    public var extent: SectionExtent?
    /// Drop the text, or protect it from later drops.
    public var action: Verdict.Action
    /// ISO 639-1 codes the rule applies to; empty means any language.
    public var languages: [String]
    /// Caption text that `--keep-captions` keeps.
    public var caption: Bool
    /// What the lines the rule drops tell the heuristics (its `signals:` names); only a drop
    /// rule's count.
    public var signals: RuleSignals
    /// Lines the rule must act on and lines it must leave alone.
    public var examples: RuleExamples
    /// Where the rule was defined.
    public var location: RuleLocation

    public init(
        id: String, name: String, description: String, scope: RuleScope, match: RulePattern,
        unless: RulePattern? = nil, unlessNext: RulePattern? = nil, extent: SectionExtent? = nil,
        action: Verdict.Action = .drop, languages: [String] = [], caption: Bool = false, signals: RuleSignals = [], examples: RuleExamples,
        location: RuleLocation
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.scope = scope
        self.match = match
        self.unless = unless
        self.unlessNext = unlessNext
        self.extent = extent
        self.action = action
        self.languages = languages
        self.caption = caption
        self.signals = signals
        self.examples = examples
        self.location = location
    }
}

/// How much text one match of a rule covers.
public enum RuleScope: String, Sendable, Hashable, CaseIterable {
    /// The matching line.
    case line
    /// The whole blank-line-separated paragraph; the pattern sees its lines joined by `\n`.
    case block
    /// A heading or label line plus the lines under it, as far as the rule's `extent` allows.
    case section
}

/// What a line must look like for a rule to apply.
public struct RulePattern: Sendable, Hashable {
    /// The one test the text must pass.
    public enum Test: Sendable, Hashable {
        /// The whole text equals the phrase.
        case equals(String)
        /// The text starts with the phrase.
        case prefix(String)
        /// The text contains the phrase.
        case contains(String)
        /// The whole text equals one of the phrases.
        case anyOf([String])
        /// An ICU regular expression finds a match in the text.
        case regex(String)
    }

    /// Which form of the line the test sees.
    public enum Input: String, Sendable, Hashable {
        /// Markdown removed: `* [Home](/)` is seen as `Home` (see `InlineMarkup.plainText`).
        case plain
        /// The line as it is in the input, markup intact.
        case raw
    }

    public var test: Test
    public var input: Input
    /// Case-insensitive (ICU case folding); the default.
    public var ignoreCase: Bool
    /// The text (plain form, in Unicode scalars) must not be longer than this.
    public var maxLength: Int?
    /// The text must not have more whitespace-separated words than this.
    public var maxWords: Int?

    public init(
        _ test: Test, input: Input = .plain, ignoreCase: Bool = true, maxLength: Int? = nil,
        maxWords: Int? = nil
    ) {
        self.test = test
        self.input = input
        self.ignoreCase = ignoreCase
        self.maxLength = maxLength
        self.maxWords = maxWords
    }
}

/// How far a `section` rule reaches below its label line.
///
/// A section ends at the first stop condition; the limits keep an article that follows a
/// widget from being swallowed.
public struct SectionExtent: Sendable, Hashable {
    /// Stop at the next markdown heading.
    public var untilHeading: Bool
    /// Stop at an unindented paragraph line with at least this many words that ends like a
    /// sentence (the article resumes); `nil` never stops on length.
    public var untilLongParagraph: Int?
    /// Stop at the first blank-line-separated paragraph that opens with an unindented plain line
    /// (not a list item, link line or heading): widgets are lists, cards and indented text.
    public var untilPlainParagraph: Bool
    /// Stop at a run of this many blank-line-separated paragraph breaks without a list item or
    /// short line in between; `nil` ignores paragraph breaks.
    public var maxParagraphs: Int?
    /// Take at most this many lines below the label.
    public var maxLines: Int
    /// The widget may sit inside an article (a "Most popular" box between two of its
    /// paragraphs): the heuristics let the article go on past it. `false` for widgets that
    /// close an article (an author box): nothing of the article follows them.
    public var insideArticle: Bool

    public init(
        untilHeading: Bool = true, untilLongParagraph: Int? = 40, untilPlainParagraph: Bool = false,
        maxParagraphs: Int? = nil, maxLines: Int = 200, insideArticle: Bool = true
    ) {
        self.untilHeading = untilHeading
        self.untilLongParagraph = untilLongParagraph
        self.untilPlainParagraph = untilPlainParagraph
        self.maxParagraphs = maxParagraphs
        self.maxLines = maxLines
        self.insideArticle = insideArticle
    }
}

/// A rule's examples: they are its tests.
public struct RuleExamples: Sendable, Hashable {
    /// Lines the rule must act on (drop, or protect for a `keep` rule).
    public var drop: [RuleExample]
    /// Lines the rule must leave alone.
    public var keep: [RuleExample]
    /// Snippets where `↓` marks every line the rule must act on.
    public var context: [RuleExample]

    public init(drop: [RuleExample] = [], keep: [RuleExample] = [], context: [RuleExample] = []) {
        self.drop = drop
        self.keep = keep
        self.context = context
    }
}

/// One example text and where it is written.
public struct RuleExample: Sendable, Hashable {
    public var text: String
    /// 1-based line in the rule file.
    public var line: Int

    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }
}

/// The file and line a rule was defined at.
public struct RuleLocation: Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int
    /// Compiled into the binary: its regexes were probed for catastrophic backtracking by the
    /// test suite, so loading does not probe them again at every start.
    public var isBuiltin: Bool

    public init(path: String, line: Int, isBuiltin: Bool = false) {
        self.path = path
        self.line = line
        self.isBuiltin = isBuiltin
    }

    public var description: String { "\(path):\(line)" }
}
