/// Splits a regex whose top level is an alternation (`(?:A|B|C)` or `A|B|C`) into its branches,
/// so a line runs only the branches whose own prefilter it passes.
///
/// A long alternation costs ICU every branch at every position of the line, although a line
/// that reaches it usually holds the literal of one branch only. Whether the whole pattern
/// finds a match is whether some branch does, so running the branches one by one decides
/// the same lines.
enum RegexAlternatives {
    /// The branches' source texts, or `nil` when the pattern is not a top-level alternation or
    /// uses something a branch cannot carry alone: inline flags (`(?i)`), which reach across
    /// branches, and backreferences, whose group numbers shift.
    static func of(regex pattern: String) -> [String]? {
        var bytes = Array(pattern.utf8)
        guard !bytes.isEmpty, !usesFlagsOrBackreferences(bytes) else { return nil }
        // Unwrap one leading `(?:…)` with no quantifier after it. An anchor before it and the
        // text after it go into every branch: `(?:A|B)\s*$` finds a match where `A\s*$` or
        // `B\s*$` does (the group is not atomic, so a branch that fails in the tail gives way
        // to the next; a tail with its own top-level `|` would bind differently and is refused).
        // An anchored group takes only `$` after it: its branches have prefixes already, and a
        // longer tail of optional words (`^(?:share|…)(?:\s+(?:on|via))?…`) would be expanded
        // into each branch's prefixes at every start-up.
        var head: [UInt8] = []
        var tail: [UInt8] = []
        if bytes.starts(with: Array("(?:".utf8)), let close = closingParen(of: 0, in: bytes),
            isPlainTail(bytes[(close + 1)...])
        {
            tail = Array(bytes[(close + 1)...])
            bytes = Array(bytes[3..<close])
        } else if bytes.starts(with: Array("\\b(?:".utf8)), let close = closingParen(of: 2, in: bytes),
            isPlainTail(bytes[(close + 1)...])
        {
            // A word boundary before the group (`promo.newsletter`) goes into every branch too.
            head = Array("\\b".utf8)
            tail = Array(bytes[(close + 1)...])
            bytes = Array(bytes[5..<close])
        } else if bytes.starts(with: Array("^(?:".utf8)), let close = closingParen(of: 1, in: bytes),
            close == bytes.count - 1 || (close == bytes.count - 2 && bytes[bytes.count - 1] == UInt8(ascii: "$"))
        {
            head = [UInt8(ascii: "^")]
            tail = close == bytes.count - 1 ? [] : [UInt8(ascii: "$")]
            bytes = Array(bytes[4..<close])
        }
        var branches: [String] = []
        var depth = 0
        var start = 0
        let closed = forEachSyntaxByte(in: bytes, from: 0) { index, byte in
            switch byte {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth -= 1
            case UInt8(ascii: "|") where depth == 0:
                branches.append(String(decoding: bytes[start..<index], as: UTF8.self))
                start = index + 1
            default: break
            }
            return true
        }
        guard closed, depth == 0 else { return nil }
        branches.append(String(decoding: bytes[start...], as: UTF8.self))
        guard branches.count >= 2, branches.allSatisfy({ !$0.isEmpty }) else { return nil }
        guard !head.isEmpty || !tail.isEmpty else { return branches }
        let anchors = (String(decoding: head, as: UTF8.self), String(decoding: tail, as: UTF8.self))
        return branches.map { anchors.0 + $0 + anchors.1 }
    }

    /// Whether `tail`, the text after a group, may follow each of its branches alone: it does
    /// not quantify the group (`?`, `*`, `+`, `{`), holds no `|` outside its own groups and
    /// closes every group it opens.
    private static func isPlainTail(_ tail: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(tail)
        guard let first = bytes.first else { return true }
        guard !"?*+{".utf8.contains(first) else { return false }
        var depth = 0
        var plain = true
        let closed = forEachSyntaxByte(in: bytes, from: 0) { _, byte in
            switch byte {
            case UInt8(ascii: "("): depth += 1
            case UInt8(ascii: ")"): depth -= 1
            case UInt8(ascii: "|") where depth == 0: plain = false
            default: break
            }
            if depth < 0 { plain = false }
            return plain
        }
        return closed && plain && depth == 0
    }

    /// The index of the `)` closing the group opened at `open`, or `nil`.
    private static func closingParen(of open: Int, in bytes: [UInt8]) -> Int? {
        var depth = 0
        var closing: Int? = nil
        _ = forEachSyntaxByte(in: bytes, from: open) { index, byte in
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 {
                    closing = index
                    return false
                }
            }
            return true
        }
        return closing
    }

    /// Calls `visit` with each byte from `start` that is regex syntax, not escaped and not
    /// inside a character class, until it returns false. Returns false when a class is not
    /// closed.
    private static func forEachSyntaxByte(
        in bytes: [UInt8], from start: Int, _ visit: (Int, UInt8) -> Bool
    ) -> Bool {
        var index = start
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "["):
                guard let end = classEnd(from: index, in: bytes) else { return false }
                index = end + 1
                continue
            default:
                if !visit(index, bytes[index]) { return true }
            }
            index += 1
        }
        return true
    }

    /// The index of the `]` closing the class opened at `open` (classes nest in ICU), or `nil`.
    /// Also what `RequiredLineBreak` steps over classes with.
    static func classEnd(from open: Int, in bytes: [UInt8]) -> Int? {
        var depth = 0
        var index = open
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if byte == UInt8(ascii: "[") {
                depth += 1
                // A `]` right after the opening (or after `^`) is a literal.
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "^") { index += 1 }
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "]") { index += 1 }
            } else if byte == UInt8(ascii: "]") {
                depth -= 1
                if depth == 0 { return index }
            }
            index += 1
        }
        return nil
    }

    /// Inline flag groups (`(?i)`, `(?x:…)`), backreferences (`\1`, `\k<name>`) and quoting
    /// (`\Q…\E`), which the splitter does not follow.
    private static func usesFlagsOrBackreferences(_ bytes: [UInt8]) -> Bool {
        var index = 0
        while index + 1 < bytes.count {
            let byte = bytes[index]
            let next = bytes[index + 1]
            if byte == UInt8(ascii: "\\") {
                if (next >= UInt8(ascii: "1") && next <= UInt8(ascii: "9")) || next == UInt8(ascii: "k") || next == UInt8(ascii: "Q") {
                    return true
                }
                index += 2
                continue
            }
            if byte == UInt8(ascii: "("), next == UInt8(ascii: "?") {
                guard index + 2 < bytes.count else { return true }
                let kind = bytes[index + 2]
                if ![UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">")].contains(kind) {
                    return true
                }
            }
            index += 1
        }
        return false
    }
}
