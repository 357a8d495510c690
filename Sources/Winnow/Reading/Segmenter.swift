#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns decoded UTF-8 text into blocks: one per non-blank line, normalised.
///
/// Normalising happens here, line by line, so the text is touched once: CRLF and lone CR end a
/// line, control characters other than tab go, leading and trailing spaces are trimmed (the
/// indentation is kept as a number), and each line is put in Unicode NFC through ICU when it
/// holds anything that NFC could change.
public struct Segmenter: Sendable {
    public init() {}

    /// The blocks of `text`.
    public func blocks(from text: String) -> [Block] {
        var text = text
        return text.withUTF8 { blocks(from: UnsafeRawBufferPointer($0)) }
    }

    /// The blocks of valid UTF-8 `bytes`.
    public func blocks(from bytes: UnsafeRawBufferPointer) -> [Block] {
        var blocks: [Block] = []
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return blocks }
        var state = State()
        var lineStart = 0
        var scratch: [UInt8] = []
        while lineStart <= bytes.count {
            let remaining = bytes.count - lineStart
            var lineEnd = bytes.count
            if remaining > 0, let hit = memchr(base + lineStart, 0x0A, remaining) {
                lineEnd = base.distance(to: UnsafeRawPointer(hit))
            }
            if lineStart == bytes.count { break }
            var line = UnsafeRawBufferPointer(rebasing: bytes[lineStart..<lineEnd])
            if line.last == 0x0D { line = UnsafeRawBufferPointer(rebasing: line.dropLast()) }
            if !line.isEmpty, let hit = memchr(line.baseAddress!, 0x0D, line.count) {
                let carriage = line.baseAddress!.distance(to: UnsafeRawPointer(hit))
                // Lone CRs (old Mac line ends) split the line further.
                var pieceStart = 0
                var index = carriage
                while true {
                    let piece = UnsafeRawBufferPointer(rebasing: line[pieceStart..<index])
                    emit(piece, offset: lineStart + pieceStart, state: &state, scratch: &scratch, into: &blocks)
                    if index == line.count { break }
                    pieceStart = index + 1
                    index = line[pieceStart...].firstIndex(of: 0x0D) ?? line.count
                }
            } else {
                emit(line, offset: lineStart, state: &state, scratch: &scratch, into: &blocks)
            }
            lineStart = lineEnd + 1
        }
        return blocks
    }

    private struct State {
        var lineNumber = 0
        var paragraph = 0
        var sawBlankSinceLastBlock = false
    }

    private func emit(
        _ line: UnsafeRawBufferPointer, offset: Int, state: inout State, scratch: inout [UInt8],
        into blocks: inout [Block]
    ) {
        state.lineNumber += 1
        let origin = SourceSpan(line: state.lineNumber, byteOffset: offset, byteLength: line.count)
        // One pass finds what this line needs: control-character removal, NFC, or nothing.
        var needsCleaning = false
        var needsNFCCheck = false
        var previous: UInt8 = 0
        var index = 0
        let count = line.count
        while index < count {
            // Eight plain ASCII bytes at a time (no control, no DEL, nothing above 0x7E).
            while index + 8 <= count {
                let word = line.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if SWAR.hasNonASCII(word) || SWAR.hasControl(word) || SWAR.hasByte(word, 0x7F) { break }
                previous = UInt8(truncatingIfNeeded: word >> 56)
                index += 8
            }
            guard index < count else { break }
            let byte = line[index]
            if byte < 0x20 && byte != 0x09 || byte == 0x7F || (previous == 0xC2 && byte >= 0x80 && byte <= 0x9F) {
                needsCleaning = true
            }
            if byte >= 0xCC { needsNFCCheck = true }
            previous = byte
            index += 1
        }
        var text: [UInt8]? = nil
        if needsCleaning {
            scratch.removeAll(keepingCapacity: true)
            var index = 0
            while index < line.count {
                let byte = line[index]
                if byte == 0xC2, index + 1 < line.count, line[index + 1] >= 0x80, line[index + 1] <= 0x9F {
                    index += 2  // C1 control
                    continue
                }
                if !(byte < 0x20 && byte != 0x09 || byte == 0x7F) { scratch.append(byte) }
                index += 1
            }
            text = scratch
        }
        func finish(_ cleaned: UnsafeRawBufferPointer) {
            let (trimmed, indent) = Self.trim(cleaned)
            guard !trimmed.isEmpty else {
                state.sawBlankSinceLastBlock = true
                return
            }
            if state.sawBlankSinceLastBlock && !blocks.isEmpty { state.paragraph += 1 }
            state.sawBlankSinceLastBlock = false
            let string: String
            if needsNFCCheck {
                string = String(decoding: Normalizer.nfc(trimmed), as: UTF8.self)
            } else {
                string = String(decoding: trimmed, as: UTF8.self)
            }
            blocks.append(
                Block(
                    text: string, kind: LineShape.kind(of: trimmed), paragraph: state.paragraph,
                    indent: indent, origin: origin))
        }
        if let text {
            text.withUnsafeBytes { finish($0) }
        } else {
            finish(line)
        }
    }

    /// Strips leading and trailing spaces, tabs and no-break spaces; returns the indentation.
    static func trim(_ line: UnsafeRawBufferPointer) -> (UnsafeRawBufferPointer, Int) {
        var start = 0
        var indent = 0
        while start < line.count {
            let byte = line[start]
            if byte == 0x20 {
                indent += 1
                start += 1
            } else if byte == 0x09 {
                indent += 4
                start += 1
            } else if byte == 0xC2, start + 1 < line.count, line[start + 1] == 0xA0 {
                indent += 1
                start += 2
            } else {
                break
            }
        }
        var end = line.count
        while end > start {
            let byte = line[end - 1]
            if byte == 0x20 || byte == 0x09 {
                end -= 1
            } else if byte == 0xA0, end - 2 >= start, line[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        return (UnsafeRawBufferPointer(rebasing: line[start..<end]), indent)
    }
}
