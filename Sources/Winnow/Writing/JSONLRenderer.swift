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
        var out: [UInt8] = []
        render(document, cleanText: cleanText, appendingTo: &out)
        return out
    }

    /// Same as `render(_:cleanText:)`, appending the line to `out` (a batch of records is
    /// rendered into one buffer).
    public func render(_ document: Document, cleanText: [UInt8], appendingTo out: inout [UInt8]) {
        // In a record the text is a value, not a file: no final newline.
        let clean = cleanText.last == 0x0A ? cleanText.dropLast() : cleanText[...]
        reserve(clean.count, in: &out)
        _ = appendRecord(document, to: &out) { out in
            clean.withUnsafeBytes { JSONText.appendEscaped($0, to: &out) }
            return true
        }
    }

    /// Appends the document's line to `out` unless nothing of it is kept: then `out` is left
    /// as it was and the result is false. The clean text is escaped straight into `out`, with
    /// no clean copy in between (the hot path of a JSONL run).
    public func render(_ document: Document, appendingTo out: inout [UInt8]) -> Bool {
        // A record without the text field has no blocks: nothing of it is visible.
        if let record = document.record, record.textValueRange == nil { return false }
        let lineStart = out.count
        reserve(document.notes.inputBytes, in: &out)
        let visible = appendRecord(document, to: &out) { out in text.appendJSONBody(document, to: &out) }
        if !visible { out.removeSubrange(lineStart...) }
        return visible
    }

    /// Grows `out` geometrically: reserving exactly what one more record needs would copy the
    /// whole batch buffer for every record.
    private func reserve(_ textBytes: Int, in out: inout [UInt8]) {
        let needed = out.count + textBytes + textBytes / 16 + 256
        if out.capacity < needed { out.reserveCapacity(max(needed, 2 * out.capacity)) }
    }

    /// The record around the text: `textBody` appends the text field's escaped value, or
    /// returns false to stop (the caller drops what was appended).
    private func appendRecord(
        _ document: Document, to out: inout [UInt8], textBody: (inout [UInt8]) -> Bool
    ) -> Bool {
        let lineStart = out.count
        if let record = document.record {
            let raw = record.raw
            var end = raw.count
            while end > 0, raw[end - 1] != UInt8(ascii: "}") { end -= 1 }
            let closing = max(end - 1, 0)
            if let range = record.textValueRange {
                out.append(contentsOf: raw[..<range.lowerBound])
                out.append(UInt8(ascii: "\""))
                guard textBody(&out) else { return false }
                out.append(UInt8(ascii: "\""))
                out.append(contentsOf: raw[range.upperBound..<closing])
            } else {
                out.append(contentsOf: raw[..<closing])
            }
            var isEmptyObject = true
            for byte in out[(lineStart + 1)...] where byte != 0x20 && byte != 0x09 {
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
            out.append(UInt8(ascii: "\""))
            guard textBody(&out) else { return false }
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ","))
        }
        JSONText.appendKey("winnow", to: &out)
        appendMetadata(document, to: &out)
        out.append(UInt8(ascii: "}"))
        out.append(0x0A)
        return true
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
        appendSpans(LanguageSpan.spans(of: document), to: &out) { span, out in
            appendLines(span.firstLine, span.lastLine, to: &out)
            JSONText.appendKey("lang", to: &out)
            JSONText.appendString(span.guess.code, to: &out)
            out.append(UInt8(ascii: ","))
            JSONText.appendKey("confidence", to: &out)
            JSONText.appendNumber(span.guess.confidence, to: &out)
            JSONText.appendRaw(span.kept ? ",\"kept\":true" : ",\"kept\":false", to: &out)
        }
        JSONText.appendKey("removed", to: &out)
        appendSpans(RemovedSpan.spans(of: document, keepMarkdown: text.keepMarkdown), to: &out) { span, out in
            appendLines(span.firstLine, span.lastLine, to: &out)
            appendReason(span.reason, to: &out)
            if let part = span.part {
                out.append(UInt8(ascii: ","))
                JSONText.appendKey("part", to: &out)
                JSONText.appendString(part.rawValue, to: &out)
            }
        }
        if let verdict = document.verdict, verdict.action == .drop {
            JSONText.appendKey("dropped", to: &out)
            out.append(UInt8(ascii: "{"))
            appendReason(verdict.reason, to: &out)
            JSONText.appendRaw("},", to: &out)
        }
        JSONText.appendKey("encoding", to: &out)
        JSONText.appendString(document.notes.encoding, to: &out)
        JSONText.appendRaw(",\"replacements\":", to: &out)
        JSONText.appendInteger(document.notes.replacements, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// `[{…},{…}],`: one object per span, its fields written by `fields`.
    private func appendSpans<Span>(
        _ spans: [Span], to out: inout [UInt8], fields: (Span, inout [UInt8]) -> Void
    ) {
        out.append(UInt8(ascii: "["))
        for (index, span) in spans.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            fields(span, &out)
            out.append(UInt8(ascii: "}"))
        }
        JSONText.appendRaw("],", to: &out)
    }

    /// `"lines":[first,last],`
    private func appendLines(_ first: Int, _ last: Int, to out: inout [UInt8]) {
        JSONText.appendRaw("\"lines\":[", to: &out)
        JSONText.appendInteger(first, to: &out)
        out.append(UInt8(ascii: ","))
        JSONText.appendInteger(last, to: &out)
        JSONText.appendRaw("],", to: &out)
    }

    /// `"rule":"…","reason":"…"`
    private func appendReason(_ reason: Reason, to out: inout [UInt8]) {
        JSONText.appendKey("rule", to: &out)
        JSONText.appendString(reason.ruleID, to: &out)
        out.append(UInt8(ascii: ","))
        JSONText.appendKey("reason", to: &out)
        JSONText.appendString(reason.message, to: &out)
    }
}
