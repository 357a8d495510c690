/// The ASCII bytes a text may end with (after its trailing ASCII white space) for a regex to
/// find a match in it, for a pattern whose every alternative must end at the end of the text
/// (`…\)\s*$`): a line ending otherwise is turned away before ICU runs.
///
/// A text whose last byte (after its trailing white space) is not ASCII always passes: `\s`
/// matches non-ASCII spaces, `$` matches before a final U+2028, and a case-insensitive
/// pattern's letters match non-ASCII ones (`k` and the Kelvin sign), none of which this set
/// follows. So does a text that is white space only.
struct EndingBytes: Sendable, Equatable {
    /// Bit `b` of the 128: a text may end with ASCII byte `b`.
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0

    init() {}

    /// The set whose bit masks are `low` and `high` (a snapshot's copy).
    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    init(_ bytes: some Sequence<UInt8>) {
        for byte in bytes { insert(byte) }
    }

    mutating func insert(_ byte: UInt8) {
        precondition(byte < 0x80)
        if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
    }

    mutating func formUnion(_ other: EndingBytes) {
        low |= other.low
        high |= other.high
    }

    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low & (1 << UInt64(byte)) != 0 : high & (1 << UInt64(byte & 63)) != 0
    }

    /// Whether every ASCII byte that is not white space is in the set (a filter that passes
    /// every line).
    var allowsEveryByte: Bool {
        (0..<128).allSatisfy { byte in EndingBytes.isSpace(UInt8(byte)) || contains(UInt8(byte)) }
    }

    /// Whether a match may end `text` (see the type's comment): `false` only when its last
    /// byte before trailing ASCII white space is ASCII and not in the set.
    @inline(__always)
    func admits(_ text: UnsafeRawBufferPointer) -> Bool {
        var end = text.count
        while end > 0, Self.isSpace(text[end &- 1]) { end &-= 1 }
        guard end > 0 else { return true }
        let byte = text[end &- 1]
        return byte >= 0x80 || contains(byte)
    }

    /// ASCII white space: what `\s` matches in ASCII, and the line terminators `$` may precede.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }
}

extension RequiredLiterals {
    /// The bytes every match of the pattern may end the text with (`EndingBytes`), when each
    /// top-level alternative ends in `$`, `\z` or `\Z` (white space and `\b` may stand around
    /// it) after an atom whose last character is known: a character, a class of plain
    /// characters, `\d`, or a group of such endings. `nil` when unsure: inline flags (which may
    /// turn on case folding or multi-line mode), a class, `.` or lookaround at the end, an
    /// optional tail reaching the start, a non-ASCII character in a case-insensitive pattern
    /// (`ß` matches `ss`), or a set that would turn no line away.
    static func endingBytes(regex pattern: String, ignoreCase: Bool) -> EndingBytes? {
        endingBytes(Parsed(pattern), ignoreCase: ignoreCase)
    }

    static func endingBytes(_ parsed: Parsed, ignoreCase: Bool) -> EndingBytes? {
        let bytes = parsed.bytes
        guard mayEndInAnchor(bytes) else { return nil }
        // Inline flags may turn on case folding or multi-line mode: only plain group kinds.
        for index in parsed.openings {
            guard index + 2 < bytes.count, ":>=!<#".utf8.contains(bytes[index + 2]) else { return nil }
        }
        guard let alternatives = parsed.alternatives else { return nil }
        var result = EndingBytes()
        for sequence in alternatives {
            guard let tail = tail(of: sequence, ignoreCase: ignoreCase), tail.closed, tail.anchored else { return nil }
            result.formUnion(tail.bytes)
        }
        return result.allowsEveryByte ? nil : result
    }

    /// Whether the pattern's text ends in `$`, `\z` or `\Z`, maybe followed by `)`, `\s*`,
    /// `\s+`, `\s?` or `\b`: a quick look that spares most patterns the parse (the rules load at
    /// every start-up). A pattern whose last alternative ends otherwise gets no filter, even
    /// where the parse could have given one (`a$ *`).
    private static func mayEndInAnchor(_ bytes: [UInt8]) -> Bool {
        var end = bytes.count
        while end > 0 {
            if bytes[end - 1] == UInt8(ascii: ")") {
                end -= 1
            } else if end >= 3, bytes[end - 3] == UInt8(ascii: "\\"), bytes[end - 2] == UInt8(ascii: "s"),
                "*+?".utf8.contains(bytes[end - 1])
            {
                end -= 3
            } else if end >= 2, bytes[end - 2] == UInt8(ascii: "\\"), bytes[end - 1] == UInt8(ascii: "b") {
                end -= 2
            } else {
                break
            }
        }
        guard end > 0 else { return false }
        if bytes[end - 1] == UInt8(ascii: "$") { return true }
        return end >= 2 && bytes[end - 2] == UInt8(ascii: "\\") && (bytes[end - 1] == UInt8(ascii: "z") || bytes[end - 1] == UInt8(ascii: "Z"))
    }

    /// How a sequence's matches end: `bytes`, the ASCII bytes the last character that is not
    /// white space may be; `closed`, whether such a character is always there (else the match
    /// may end with what comes before the sequence); `anchored`, whether an end anchor follows
    /// it. `nil`: unknown.
    private static func tail(of items: [Item], ignoreCase: Bool) -> (bytes: EndingBytes, closed: Bool, anchored: Bool)? {
        var bytes = EndingBytes()
        var anchored = false
        for item in items.reversed() {
            switch item.atom {
            case .transparent, .startAnchor:
                continue
            case .endAnchor:
                if item.minimum >= 1 { anchored = true }
                continue
            case .space:
                continue
            case .char(let character) where character.count == 1 && EndingBytes.isSpace(character[0]):
                continue
            case .char(let character):
                guard let ending = ending(of: character, ignoreCase: ignoreCase) else { return nil }
                bytes.formUnion(ending)
            case .choice(let characters):
                for character in characters {
                    guard !(character.count == 1 && EndingBytes.isSpace(character[0])),
                        let ending = ending(of: character, ignoreCase: ignoreCase)
                    else { return nil }
                    bytes.formUnion(ending)
                }
            case .digit:
                bytes.formUnion(EndingBytes(UInt8(ascii: "0")...UInt8(ascii: "9")))
            case .group(let alternatives):
                var open = false
                var allAnchored = true
                for sequence in alternatives {
                    guard let inner = tail(of: sequence, ignoreCase: ignoreCase) else { return nil }
                    bytes.formUnion(inner.bytes)
                    if !inner.closed { open = true }
                    if !inner.anchored { allAnchored = false }
                }
                if item.minimum >= 1, allAnchored { anchored = true }
                if open { continue }
            case .other:
                return nil
            }
            // A character, class, digit or closed group: it ends the match unless optional.
            if item.minimum >= 1 { return (bytes, true, anchored) }
        }
        return (bytes, false, anchored)
    }

    /// The ASCII bytes a text character matched by the pattern character `character` may be:
    /// itself, and its other case when the pattern ignores case; none for a non-ASCII one
    /// matched case-sensitively; `nil` for a non-ASCII one that ignores case.
    private static func ending(of character: PatternCharacter, ignoreCase: Bool) -> EndingBytes? {
        guard character.count == 1, character[0] < 0x80 else { return ignoreCase ? nil : EndingBytes() }
        let byte = character[0]
        var ending = EndingBytes([byte])
        if ignoreCase {
            if byte >= 0x41 && byte <= 0x5A { ending.insert(byte | 0x20) }
            if byte >= 0x61 && byte <= 0x7A { ending.insert(byte & ~0x20) }
        }
        return ending
    }
}
