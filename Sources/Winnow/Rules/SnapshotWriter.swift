/// Writes a rule analysis as text for `BuiltinSnapshot`: one token a line, read back by
/// `SnapshotReader` in the same order.
///
/// Tokens: a decimal number (or `:` and a comma-separated list of them); `~` (absent) or `+` (present, the value follows) for an optional;
/// `=` and the escaped bytes for a text; a count and then the elements for an array. Every byte
/// outside ` `…`~`, `\` and `"` (and a trailing space) is written `\HH`: the text sits in a raw
/// Swift string literal, where a quote could end it, a line break would split a token, and a
/// marker byte (`RequiredLiterals.spaceRun`) is not UTF-8.
struct SnapshotWriter {
    private(set) var output: [UInt8] = []

    var text: String { String(decoding: output, as: UTF8.self) }

    mutating func int(_ value: Int) {
        output += Array(String(value).utf8)
        output.append(0x0A)
    }

    mutating func unsigned(_ value: UInt64) {
        output += Array(String(value).utf8)
        output.append(0x0A)
    }

    mutating func bool(_ value: Bool) { int(value ? 1 : 0) }

    mutating func bytes(_ value: some Sequence<UInt8>) {
        output.append(UInt8(ascii: "="))
        let hex = Array("0123456789ABCDEF".utf8)
        let start = output.count
        for byte in value {
            if byte >= 0x20 && byte < 0x7F && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "\"") {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "\\"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        // An editor or formatter may strip a line's trailing space.
        if output.count > start, output[output.count - 1] == 0x20 {
            output.removeLast()
            output += Array("\\20".utf8)
        }
        output.append(0x0A)
    }

    mutating func string(_ value: String) { bytes(value.utf8) }

    mutating func optional<Value>(_ value: Value?, _ write: (inout SnapshotWriter, Value) -> Void) {
        guard let value else {
            output += [UInt8(ascii: "~"), 0x0A]
            return
        }
        output += [UInt8(ascii: "+"), 0x0A]
        write(&self, value)
    }

    mutating func array<Element>(_ values: [Element], _ write: (inout SnapshotWriter, Element) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }

    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }
    mutating func ints(_ values: [Int]) { array(values) { $0.int($1) } }

    /// Numbers in one token, `:` and then comma-separated (a long list reads faster so).
    mutating func numberList(_ values: some Sequence<Int32>) {
        output.append(UInt8(ascii: ":"))
        output += Array(values.map(String.init).joined(separator: ",").utf8)
        output.append(0x0A)
    }

    mutating func prefixSet(_ prefixes: PrefixSet) {
        let storage = prefixes.storage
        bytes(storage.arena)
        numberList(storage.ends)
    }
    mutating func byteStrings(_ values: [[UInt8]]) { array(values) { $0.bytes($1) } }
}

extension SnapshotWriter {
    mutating func analysis(_ analysis: CompiledRules.Analysis) {
        array(analysis.rules) { $0.rule($1) }
        array(analysis.patterns) { writer, patterns in
            writer.pattern(patterns.match)
            writer.optional(patterns.unless) { $0.pattern($1) }
            writer.optional(patterns.unlessNext) { $0.pattern($1) }
        }
        byteStrings(analysis.literals)
        array(analysis.literalIsRaw) { $0.bool($1) }
        array(analysis.regexes) { writer, regex in
            writer.string(regex.source)
            writer.int(Int(regex.options.rawValue))
        }
    }

    /// A scanner's transitions row by row, each as the entries where it differs from the
    /// root's row: a state mostly moves where the root would (its failure links end there),
    /// so the table's 400,000 entries take a few thousand.
    mutating func scannerTables(_ tables: LiteralScanner.Tables) {
        numberList(tables.byteClass.map { Int32($0) })
        int(tables.classCount)
        let entries = tables.narrow.isEmpty ? tables.wide : tables.narrow.map { Int32($0) }
        bool(!tables.narrow.isEmpty)
        let width = tables.classCount
        let stateCount = width == 0 ? 0 : entries.count / width
        int(stateCount)
        let root = Array(entries.prefix(width))
        numberList(root)
        for state in 1..<max(stateCount, 1) {
            var changes: [Int32] = []
            for column in 0..<width where entries[state * width + column] != root[column] {
                changes += [Int32(column), entries[state * width + column]]
            }
            numberList(changes)
        }
        numberList(tables.outputStart)
        numberList(tables.outputIDs)
    }

    mutating func rule(_ rule: Rule) {
        string(rule.id)
        string(rule.name)
        string(rule.description)
        string(rule.scope.rawValue)
        rulePattern(rule.match)
        optional(rule.unless) { $0.rulePattern($1) }
        optional(rule.unlessNext) { $0.rulePattern($1) }
        optional(rule.extent) { writer, extent in
            writer.bool(extent.untilHeading)
            writer.optional(extent.untilLongParagraph) { $0.int($1) }
            writer.bool(extent.untilPlainParagraph)
            writer.optional(extent.maxParagraphs) { $0.int($1) }
            writer.int(extent.maxLines)
            writer.bool(extent.insideArticle)
        }
        string(rule.action.rawValue)
        strings(rule.languages)
        bool(rule.caption)
        int(Int(rule.signals.rawValue))
        for examples in [rule.examples.drop, rule.examples.keep, rule.examples.context] {
            array(examples) { writer, example in
                writer.string(example.text)
                writer.int(example.line)
            }
        }
        string(rule.location.path)
        int(rule.location.line)
        bool(rule.location.isBuiltin)
    }

    mutating func rulePattern(_ pattern: RulePattern) {
        switch pattern.test {
        case .equals(let phrase):
            string("equals")
            string(phrase)
        case .prefix(let phrase):
            string("prefix")
            string(phrase)
        case .contains(let phrase):
            string("contains")
            string(phrase)
        case .anyOf(let phrases):
            string("any-of")
            strings(phrases)
        case .regex(let source):
            string("regex")
            string(source)
        }
        string(pattern.input.rawValue)
        bool(pattern.ignoreCase)
        optional(pattern.maxLength) { $0.int($1) }
        optional(pattern.maxWords) { $0.int($1) }
    }

    mutating func pattern(_ pattern: CompiledPattern) {
        switch pattern.test {
        case .equals(let phrase):
            string("equals")
            bytes(phrase)
        case .prefix(let phrase):
            string("prefix")
            bytes(phrase)
        case .contains(let phrase):
            string("contains")
            bytes(phrase)
        case .anyOf(let phrases):
            // Sorted: a set's order changes from process to process.
            string("any-of")
            strings(phrases.sorted())
        case .regex(let slot, let branches):
            string("regex")
            int(slot)
            array(branches) { $0.branch($1) }
        }
        string(pattern.input.rawValue)
        bool(pattern.ignoreCase)
        optional(pattern.maxLength) { $0.int($1) }
        optional(pattern.maxWords) { $0.int($1) }
        optional(pattern.literalIDs) { $0.ints($1) }
        optional(pattern.prefixes) { $0.prefixSet($1) }
        optional(pattern.maxBytes) { $0.int($1) }
        bool(pattern.requiresDigit)
        optional(pattern.exactLiterals) { writer, literals in
            writer.array(literals) { writer, literal in
                writer.int(literal.id)
                writer.byteStrings(literal.variants)
            }
        }
        optional(pattern.endings) { $0.endings($1) }
        bool(pattern.requiresLineBreak)
        optional(pattern.requiredTexts) { $0.array($1.sets) { $0.byteStrings($1) } }
    }

    mutating func branch(_ branch: CompiledPattern.Branch) {
        int(branch.slot)
        optional(branch.literalIDs) { $0.ints($1) }
        optional(branch.prefixes) { $0.prefixSet($1) }
        bool(branch.requiresDigit)
        optional(branch.endings) { $0.endings($1) }
        bool(branch.requiresLineBreak)
        optional(branch.requiredTexts) { $0.array($1.sets) { $0.byteStrings($1) } }
    }

    mutating func endings(_ endings: EndingBytes) {
        unsigned(endings.low)
        unsigned(endings.high)
    }
}
