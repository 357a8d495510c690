import Testing

@testable import Winnow

/// `RequiredLineBreak` says a regex cannot match a text without a `\n` only when a `\n` outside
/// every group and alternation must occur; the rule matcher then skips ICU on one-line texts.
@Suite struct RequiredLineBreakTests {
    @Test(arguments: [
        #"\A(?:\p{Lu}[\p{L}''’.-]*[ \t]+){1,3}(\p{Lu}[\p{L}''’-]+)\n(?i:\1)[ \t]+(?i:covers|writes)"#,
        #"a\nb"#,
        #"(?:x|y)\n+z"#,
        #"a(?i:b)\nc"#,
        #"^[^\n]+\n[\]\n]"#,
        #"a\n+?b"#,
    ])
    func lineBreakIsRequired(_ pattern: String) {
        #expect(RequiredLineBreak.of(regex: pattern))
    }

    @Test(arguments: [
        "",
        #"a\n?b"#,
        #"a\n*b"#,
        #"a\n{0,2}b"#,
        #"a\n??b"#,
        #"a|b\nc"#,
        #"(?:a\n|b)"#,
        #"[\n]x"#,
        #"\Q\n\E"#,
        #"(?x)a\nb"#,
        #"(?-x)a\nb"#,
        #"(?#x)\n"#,
        #"\\n"#,
        #"a\n)"#,
        #"(a\n"#,
        #"a\"#,
    ])
    func lineBreakIsNotRequired(_ pattern: String) {
        #expect(!RequiredLineBreak.of(regex: pattern))
    }

    @Test func lineBreakByte() {
        var texts: [(String, Bool)] = [("", false), ("one line", false), ("two\nlines", true), ("Zoë Müller — ß\n", true), ("ünïcödé", false)]
        texts.append((String(repeating: "long line ", count: 5000), false))
        texts.append((String(repeating: "x", count: 9999) + "\n", true))
        for (text, expected) in texts {
            var copy = text
            let found = copy.withUTF8 { MatchSubject.containsLineBreak(UnsafeRawBufferPointer($0)) }
            #expect(found == expected, "\(text.prefix(20))")
        }
    }

    /// Every built-in regex (and each of its split branches) said to need a line break finds no
    /// match in any one-line text: its rules' example lines, cut, joined by spaces, case-changed,
    /// and random lines.
    @Test func builtinPatternsNeedingALineBreakFailOnOneLine() throws {
        let rules = try RuleSet.builtin().rules
        var sources: [(String, Bool)] = []
        for rule in rules {
            for pattern in [rule.match] + (rule.unless.map { [$0] } ?? []) {
                guard case .regex(let source) = pattern.test else { continue }
                sources.append((source, pattern.ignoreCase))
                for branch in RegexAlternatives.of(regex: source) ?? [] { sources.append((branch, pattern.ignoreCase)) }
            }
        }
        var lines: [String] = []
        for rule in rules {
            for example in rule.examples.drop + rule.examples.keep + rule.examples.context {
                let parts = example.text.split(separator: "\n").map(String.init)
                lines += parts
                lines.append(parts.joined(separator: " "))
                lines.append(parts.joined(separator: "\r"))
                lines.append(parts.joined(separator: "\u{2028}"))
            }
        }
        var generator = SplitMix(state: 45)
        let alphabet = Array("aB Zé.\t-'’ covers writes is a ÄÖ\r\u{0B}\u{0C}\u{85}")
        for _ in 0..<300 {
            let length = generator.below(120)
            lines.append(String((0..<length).map { _ in alphabet[generator.below(alphabet.count)] }))
        }
        lines += lines.map { $0.uppercased() } + lines.map { $0.lowercased() } + [""]
        var checked = 0
        for (source, ignoreCase) in sources where RequiredLineBreak.of(regex: source) {
            let regex = try ICURegex(source, options: ignoreCase ? [.caseInsensitive] : [], timeLimit: 1000)
            for line in lines where !line.utf8.contains(0x0A) {
                #expect(try regex.firstMatch(in: line) == nil, "\(source) on \(line)")
            }
            checked += 1
        }
        #expect(checked >= 1)
    }
}
