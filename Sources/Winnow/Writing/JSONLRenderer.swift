/// Renders a document as one JSONL line.
///
/// For JSONL input the record's own bytes are kept, the text field's value is replaced by the
/// clean text and a `winnow` object with the metadata is added; for text input a new record
/// `{"id", "text", "winnow"}` is made.
public struct JSONLRenderer: Sendable {
    public var text: TextRenderer

    public init(text: TextRenderer = TextRenderer()) {
        self.text = text
    }

    public func render(_ document: Document) -> [UInt8] {
        render(document, cleanText: text.renderBytes(document))
    }

    /// Same as `render(_:)` with the clean text already rendered.
    public func render(_ document: Document, cleanText: [UInt8]) -> [UInt8] {
        // In a record the text is a value, not a file: no final newline.
        let clean = cleanText.last == 0x0A ? cleanText.dropLast() : cleanText[...]
        var out: [UInt8] = []
        out.reserveCapacity(clean.count + 256)
        if let record = document.record {
            let raw = record.raw
            var end = raw.count
            while end > 0, raw[end - 1] != UInt8(ascii: "}") { end -= 1 }
            let closing = max(end - 1, 0)
            if let range = record.textValueRange {
                out.append(contentsOf: raw[..<range.lowerBound])
                clean.withUnsafeBytes { JSONText.appendString($0, to: &out) }
                out.append(contentsOf: raw[range.upperBound..<closing])
            } else {
                out.append(contentsOf: raw[..<closing])
            }
            var isEmptyObject = true
            for byte in out.dropFirst() where byte != 0x20 && byte != 0x09 {
                isEmptyObject = false
                break
            }
            if !isEmptyObject { out.append(UInt8(ascii: ",")) }
        } else {
            out.append(UInt8(ascii: "{"))
            JSONText.appendKey("id", to: &out)
            JSONText.appendString(document.id, to: &out)
            out.append(UInt8(ascii: ","))
            JSONText.appendKey("text", to: &out)
            clean.withUnsafeBytes { JSONText.appendString($0, to: &out) }
            out.append(UInt8(ascii: ","))
        }
        JSONText.appendKey("winnow", to: &out)
        appendMetadata(document, to: &out)
        out.append(contentsOf: [UInt8(ascii: "}"), 0x0A])
        return out
    }

    private func appendMetadata(_ document: Document, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        JSONText.appendKey("lang", to: &out)
        JSONText.appendString(document.language?.code ?? "und", to: &out)
        out.append(UInt8(ascii: ","))
        JSONText.appendKey("lang_confidence", to: &out)
        JSONText.appendNumber(document.language?.confidence ?? 0, to: &out)
        out.append(UInt8(ascii: ","))
        JSONText.appendKey("paragraphs", to: &out)
        out.append(UInt8(ascii: "["))
        var first = true
        for span in LanguageSpan.spans(of: document) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "{"))
            JSONText.appendKey("lines", to: &out)
            out.append(contentsOf: "[\(span.firstLine),\(span.lastLine)],".utf8)
            JSONText.appendKey("lang", to: &out)
            JSONText.appendString(span.guess.code, to: &out)
            out.append(UInt8(ascii: ","))
            JSONText.appendKey("confidence", to: &out)
            JSONText.appendNumber(span.guess.confidence, to: &out)
            out.append(contentsOf: ",\"kept\":\(span.kept)}".utf8)
        }
        out.append(contentsOf: "],".utf8)
        JSONText.appendKey("removed", to: &out)
        out.append(UInt8(ascii: "["))
        first = true
        for span in RemovedSpan.spans(of: document) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "{"))
            JSONText.appendKey("lines", to: &out)
            out.append(contentsOf: "[\(span.firstLine),\(span.lastLine)],".utf8)
            JSONText.appendKey("rule", to: &out)
            JSONText.appendString(span.reason.ruleID, to: &out)
            out.append(UInt8(ascii: ","))
            JSONText.appendKey("reason", to: &out)
            JSONText.appendString(span.reason.message, to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(contentsOf: "],".utf8)
        if let verdict = document.verdict, verdict.action == .drop {
            JSONText.appendKey("dropped", to: &out)
            out.append(UInt8(ascii: "{"))
            JSONText.appendKey("rule", to: &out)
            JSONText.appendString(verdict.reason.ruleID, to: &out)
            out.append(UInt8(ascii: ","))
            JSONText.appendKey("reason", to: &out)
            JSONText.appendString(verdict.reason.message, to: &out)
            out.append(contentsOf: "},".utf8)
        }
        JSONText.appendKey("encoding", to: &out)
        JSONText.appendString(document.notes.encoding, to: &out)
        out.append(contentsOf: ",\"replacements\":\(document.notes.replacements)}".utf8)
    }
}
