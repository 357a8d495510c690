import Yams

/// Reads one rule file (YAML) into rules, checking every key and value.
///
/// Works on Yams' node tree rather than `Codable` so that every error can name the line it is
/// about and an unknown key can be reported with a suggestion.
struct RuleFileParser {
    let path: String

    static let topKeys = ["version", "rules"]
    static let ruleKeys = [
        "id", "name", "description", "rationale", "scope", "match", "unless", "unless-next", "extent", "action",
        "languages", "caption", "signals", "examples",
    ]
    static let patternKeys = [
        "equals", "prefix", "contains", "any-of", "regex", "input", "case-sensitive", "max-length", "max-words",
    ]
    static let testKeys = ["equals", "prefix", "contains", "any-of", "regex"]
    static let extentKeys = ["until", "long-paragraph-words", "max-paragraphs", "max-lines", "inside-article"]
    static let exampleKeys = ["drop", "keep", "context"]

    /// Parses the YAML text of a rule file.
    func parse(_ yaml: String) throws(WinnowError) -> [Rule] {
        let root: Node?
        do {
            // The basic resolver: every scalar stays a string, read by the checks below. The
            // default one runs several regular expressions on each scalar to guess a type
            // (10 % of start-up), and its guesses are never used.
            // UTF-8 named, not left to `.default`, which reads the whole environment (for
            // YAMS_DEFAULT_ENCODING) on every call: once per built-in rule file at each start-up.
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw describe(error)
        } catch {
            throw fail(0, "not valid YAML: \(error)")
        }
        guard let root else { throw fail(1, "empty rule file; expected `version: 1` and `rules:`") }
        let top = try mapping(root, what: "the rule file")
        try checkKeys(top, allowed: Self.topKeys)
        guard let version = top[field: "version"] else { throw fail(line(root), "missing `version: 1`") }
        guard version.scalar?.string == "1" else {
            throw fail(line(version), "unsupported version '\(version.scalar?.string ?? "?")'; this winnow reads version 1")
        }
        guard let rulesNode = top[field: "rules"] else { throw fail(line(root), "missing `rules:` list") }
        guard case .sequence(let list) = rulesNode else {
            throw fail(line(rulesNode), "`rules` must be a list of rules")
        }
        var rules: [Rule] = []
        var seen: [String: Int] = [:]
        for node in list {
            let rule = try parseRule(node)
            if let first = seen[rule.id] {
                throw fail(rule.location.line, "duplicate rule id '\(rule.id)' (first defined at line \(first))")
            }
            seen[rule.id] = rule.location.line
            rules.append(rule)
        }
        return rules
    }

    // MARK: - Rules

    private func parseRule(_ node: Node) throws(WinnowError) -> Rule {
        let map = try mapping(node, what: "a rule")
        try checkKeys(map, allowed: Self.ruleKeys)
        let ruleLine = line(node)
        let idNode = try required(map, "id", in: node)
        let id = try string(idNode)
        guard Self.isValidID(id) else {
            throw fail(line(idNode), "rule id '\(id)' must look like `category.kebab-name` (lowercase letters, digits, hyphens)")
        }
        let name = try map[field: "name"].map { node throws(WinnowError) in try string(node) } ?? id
        let description = try string(try required(map, "description", in: node))
        let scopeNode = try required(map, "scope", in: node)
        let scopeText = try string(scopeNode)
        guard let scope = RuleScope(rawValue: scopeText) else {
            throw fail(line(scopeNode), "unknown scope '\(scopeText)'; expected line, block or section")
        }
        let match = try parsePattern(try required(map, "match", in: node), key: "match")
        let unless = try map[field: "unless"].map { node throws(WinnowError) in try parsePattern(node, key: "unless") }
        var unlessNext: RulePattern?
        if let nextNode = map[field: "unless-next"] {
            guard scope == .line else { throw fail(line(nextNode), "`unless-next` is only for `scope: line` rules") }
            let pattern = try parsePattern(nextNode, key: "unless-next")
            // The next line was not scanned with this line's literals: only a regex is tested whole.
            guard case .regex = pattern.test else { throw fail(line(nextNode), "`unless-next` takes a `regex`") }
            unlessNext = pattern
        }
        var action = Verdict.Action.drop
        if let actionNode = map[field: "action"] {
            let text = try string(actionNode)
            guard let parsed = Verdict.Action(rawValue: text) else {
                throw fail(line(actionNode), "unknown action '\(text)'; expected drop or keep")
            }
            action = parsed
        }
        var extent: SectionExtent?
        if let extentNode = map[field: "extent"] {
            guard scope == .section else {
                // Name the key the author meant when it is the widget's place, not its reach.
                if case .mapping(let extentMap) = extentNode, let insideNode = extentMap[field: "inside-article"] {
                    throw fail(line(insideNode), "`inside-article` is only for `scope: section` rules")
                }
                throw fail(line(extentNode), "`extent` is only for `scope: section` rules")
            }
            extent = try parseExtent(extentNode, action: action)
        } else if scope == .section {
            extent = SectionExtent()
        }
        var languages: [String] = []
        if let languagesNode = map[field: "languages"] {
            languages = try stringList(languagesNode, key: "languages")
            if languages.contains("any") {
                guard languages.count == 1 else {
                    throw fail(line(languagesNode), "`languages: [any]` cannot be combined with codes")
                }
                languages = []
            }
        }
        var caption = false
        if let captionNode = map[field: "caption"] { caption = try bool(captionNode, key: "caption") }
        var signals: RuleSignals = []
        if let signalsNode = map[field: "signals"] {
            // They say what the dropped text is; a keep rule drops nothing.
            guard action == .drop else { throw fail(line(signalsNode), "`signals` are only for `action: drop` rules") }
            signals = try parseSignals(signalsNode)
        }
        let examples = try parseExamples(try required(map, "examples", in: node), ruleID: id)
        return Rule(
            id: id, name: name, description: description, scope: scope, match: match, unless: unless,
            unlessNext: unlessNext, extent: extent, action: action, languages: languages, caption: caption, signals: signals,
            examples: examples, location: RuleLocation(path: path, line: ruleLine))
    }

    /// A `signals:` list: names from the fixed vocabulary (`RuleSignals.vocabulary`).
    private func parseSignals(_ node: Node) throws(WinnowError) -> RuleSignals {
        let known = RuleSignals.vocabulary.map(\.name)
        guard case .sequence(let list) = node else {
            throw fail(line(node), "`signals` must be a list of signal names (\(known.joined(separator: ", ")))")
        }
        var signals: RuleSignals = []
        for item in list {
            let name = try string(item)
            guard let signal = RuleSignals.named(name) else {
                throw fail(
                    line(item),
                    "unknown signal '\(name)'\(suggestion(name, known)); expected one of \(known.joined(separator: ", "))")
            }
            signals.insert(signal)
        }
        return signals
    }

    private func parsePattern(_ node: Node, key: String) throws(WinnowError) -> RulePattern {
        let map = try mapping(node, what: "`\(key)`")
        try checkKeys(map, allowed: Self.patternKeys)
        let tests = map.filter { Self.testKeys.contains($0.key.scalar?.string ?? "") }
        guard tests.count == 1, let (testKey, value) = tests.first.map({ ($0.key.scalar?.string ?? "", $0.value) }) else {
            let found = tests.compactMap { $0.key.scalar?.string }.joined(separator: ", ")
            throw fail(
                line(node),
                "`\(key)` needs exactly one of equals, prefix, contains, any-of, regex"
                    + (found.isEmpty ? "" : " (found \(found))"))
        }
        let test: RulePattern.Test
        switch testKey {
        case "any-of":
            let phrases = try stringList(value, key: "any-of")
            guard !phrases.isEmpty else { throw fail(line(value), "`any-of` is empty; list at least one phrase") }
            test = .anyOf(phrases)
        default:
            let text = try string(value)
            guard !text.isEmpty else { throw fail(line(value), "`\(testKey)` is empty") }
            switch testKey {
            case "equals": test = .equals(text)
            case "prefix": test = .prefix(text)
            case "contains": test = .contains(text)
            default: test = .regex(text)
            }
        }
        var pattern = RulePattern(test)
        if let inputNode = map[field: "input"] {
            let text = try string(inputNode)
            guard let input = RulePattern.Input(rawValue: text) else {
                throw fail(line(inputNode), "unknown input '\(text)'; expected plain or raw")
            }
            pattern.input = input
        }
        if let node = map[field: "case-sensitive"] { pattern.ignoreCase = !(try bool(node, key: "case-sensitive")) }
        if let node = map[field: "max-length"] { pattern.maxLength = try positiveInt(node, key: "max-length") }
        if let node = map[field: "max-words"] { pattern.maxWords = try positiveInt(node, key: "max-words") }
        return pattern
    }

    private func parseExtent(_ node: Node, action: Verdict.Action) throws(WinnowError) -> SectionExtent {
        let map = try mapping(node, what: "`extent`")
        try checkKeys(map, allowed: Self.extentKeys)
        var extent = SectionExtent()
        if let untilNode = map[field: "until"] {
            let stops = try stringList(untilNode, key: "until")
            let known = ["heading", "long-paragraph", "plain-paragraph", "end"]
            for stop in stops where !known.contains(stop) {
                throw fail(line(untilNode), "unknown `until` value '\(stop)'\(suggestion(stop, known)); expected heading, long-paragraph, plain-paragraph or end")
            }
            extent.untilHeading = stops.contains("heading")
            extent.untilPlainParagraph = stops.contains("plain-paragraph")
            if !stops.contains("long-paragraph") { extent.untilLongParagraph = nil }
        }
        if let node = map[field: "long-paragraph-words"] {
            guard extent.untilLongParagraph != nil else {
                throw fail(line(node), "`long-paragraph-words` needs `long-paragraph` in `until`")
            }
            extent.untilLongParagraph = try positiveInt(node, key: "long-paragraph-words")
        }
        if let node = map[field: "max-paragraphs"] { extent.maxParagraphs = try positiveInt(node, key: "max-paragraphs") }
        if let node = map[field: "max-lines"] { extent.maxLines = try positiveInt(node, key: "max-lines") }
        if let node = map[field: "inside-article"] {
            // It says where the dropped widget may sit; a keep section drops nothing.
            guard action == .drop else { throw fail(line(node), "`inside-article` is only for `action: drop` sections") }
            extent.insideArticle = try bool(node, key: "inside-article")
        }
        return extent
    }

    private func parseExamples(_ node: Node, ruleID: String) throws(WinnowError) -> RuleExamples {
        let map = try mapping(node, what: "`examples`")
        try checkKeys(map, allowed: Self.exampleKeys)
        var examples = RuleExamples()
        if let drop = map[field: "drop"] { examples.drop = try exampleList(drop, key: "drop") }
        if let keep = map[field: "keep"] { examples.keep = try exampleList(keep, key: "keep") }
        if let context = map[field: "context"] {
            if case .sequence = context {
                examples.context = try exampleList(context, key: "context")
            } else {
                examples.context = [RuleExample(text: try string(context), line: line(context))]
            }
            for example in examples.context where !example.text.contains("↓") {
                throw fail(example.line, "a `context` example must mark the lines the rule acts on with ↓")
            }
        }
        guard !examples.drop.isEmpty || !examples.context.isEmpty else {
            throw fail(line(node), "rule '\(ruleID)' needs at least one `drop` example (a line it must act on)")
        }
        guard !examples.keep.isEmpty else {
            throw fail(line(node), "rule '\(ruleID)' needs at least one `keep` example (a line it must leave alone)")
        }
        return examples
    }

    private func exampleList(_ node: Node, key: String) throws(WinnowError) -> [RuleExample] {
        guard case .sequence(let list) = node else { throw fail(line(node), "`\(key)` must be a list of strings") }
        var examples: [RuleExample] = []
        for item in list {
            let text = try string(item)
            guard !text.allSatisfy({ $0.isWhitespace }) else { throw fail(line(item), "empty `\(key)` example") }
            examples.append(RuleExample(text: text, line: line(item)))
        }
        return examples
    }

    // MARK: - Node helpers

    private func mapping(_ node: Node, what: String) throws(WinnowError) -> Node.Mapping {
        guard case .mapping(let map) = node else { throw fail(line(node), "\(what) must be a mapping of keys to values") }
        return map
    }

    private func required(_ map: Node.Mapping, _ key: String, in node: Node) throws(WinnowError) -> Node {
        guard let value = map[field: key] else { throw fail(line(node), "missing required key '\(key)'") }
        return value
    }

    private func string(_ node: Node) throws(WinnowError) -> String {
        guard case .scalar(let scalar) = node else { throw fail(line(node), "expected a string") }
        return scalar.string
    }

    private func stringList(_ node: Node, key: String) throws(WinnowError) -> [String] {
        guard case .sequence(let list) = node else { throw fail(line(node), "`\(key)` must be a list") }
        var values: [String] = []
        for item in list {
            let text = try string(item)
            guard !text.isEmpty else { throw fail(line(item), "empty entry in `\(key)`") }
            values.append(text)
        }
        return values
    }

    private func bool(_ node: Node, key: String) throws(WinnowError) -> Bool {
        switch node.scalar?.string {
        case "true": return true
        case "false": return false
        default: throw fail(line(node), "`\(key)` must be true or false")
        }
    }

    private func positiveInt(_ node: Node, key: String) throws(WinnowError) -> Int {
        guard let text = node.scalar?.string, let value = Int(text), value > 0 else {
            throw fail(line(node), "`\(key)` must be a positive whole number")
        }
        return value
    }

    private func checkKeys(_ map: Node.Mapping, allowed: [String]) throws(WinnowError) {
        for (key, _) in map {
            let name = key.scalar?.string ?? ""
            if !allowed.contains(name) {
                throw fail(line(key), "unknown key '\(name)'\(suggestion(name, allowed))")
            }
        }
    }

    private func line(_ node: Node) -> Int { node.mark?.line ?? 0 }

    private func fail(_ line: Int, _ detail: String) -> WinnowError {
        .invalidRuleFile(path: path, line: line, detail: detail)
    }

    private func describe(_ error: YamlError) -> WinnowError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return fail(mark.line, "malformed YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return fail(context.mark.line, "duplicate key '\(duplicates.joined(separator: "', '"))'")
        case .reader(let problem, _, _, _):
            return fail(0, "unreadable YAML: \(problem)")
        default:
            return fail(0, "malformed YAML: \(error)")
        }
    }

    // MARK: - Validation helpers

    static func isValidID(_ id: String) -> Bool {
        let parts = id.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.first != "-" && part.last != "-"
                && !zip(part.utf8, part.utf8.dropFirst()).contains { $0 == 0x2D && $1 == 0x2D }  // no "--"
                && part.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
        }
    }

    /// `" (did you mean 'regex'?)"` when a known key is close to the unknown one.
    private func suggestion(_ name: String, _ known: [String]) -> String {
        let scored = known.map { ($0, Self.editDistance(name, $0)) }.min { $0.1 < $1.1 }
        guard let (best, distance) = scored, distance <= max(2, name.count / 3) else { return "" }
        return " (did you mean '\(best)'?)"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}

extension Node.Mapping {
    /// `self[key]`, found faster: Yams makes a `Node` of the key and compares it, tag and all,
    /// with every pair; here only a pair whose key has that text is compared so (each rule
    /// looks up a dozen keys, and every built-in rule is read at each start-up).
    fileprivate subscript(field key: String) -> Node? {
        // Last pair first, as Yams looks (a mapping is not bidirectional: `reversed()` copies).
        var index = endIndex
        var probe: Node?
        while index > startIndex {
            index -= 1
            let pair = self[index]
            guard case .scalar(let scalar) = pair.key, scalar.string == key else { continue }
            let node = probe ?? Node(key, tag.copy(with: .implicit))
            probe = node
            if pair.key == node { return pair.value }
        }
        return nil
    }
}
