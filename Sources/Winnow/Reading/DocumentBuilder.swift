/// Makes documents from what the walk found: a whole text file, or one JSONL record.
public struct DocumentBuilder: Sendable {
    public var decoder: InputDecoder
    public var segmenter: Segmenter
    /// The JSONL field holding the text to clean.
    public var textField: String

    public init(decoder: InputDecoder = InputDecoder(), segmenter: Segmenter = Segmenter(), textField: String = "text") {
        self.decoder = decoder
        self.segmenter = segmenter
        self.textField = textField
    }

    /// A document from a text file's bytes. `path` names the file in errors.
    public func document(fromText bytes: [UInt8], id: String, path: String) throws(WinnowError) -> Document {
        let decoded = try decoder.decode(bytes, path: path)
        let blocks = segmenter.blocks(in: decoded.bytes, range: nil)
        return Document(id: id, blocks: blocks, notes: decoded.notes)
    }

    /// A document from one JSONL line. Records without the text field give an empty document
    /// that still passes through.
    public func document(fromRecord raw: [UInt8], line: Int, path: String) throws(WinnowError) -> Document {
        var raw = raw
        var replacements = 0
        let check = raw.withUnsafeBytes { UTF8Validator.check($0) }
        if !check.isValid {
            let repaired = UTF8Validator.repair(raw)
            raw = repaired.bytes
            replacements = repaired.replacements
        }
        let scanned: (JSONLRecord, JSONLScanner.TextValue?)
        switch JSONLScanner.scanRecord(raw, line: line, textField: textField) {
        case .success(let value): scanned = value
        case .failure(let failure): throw .malformedJSONL(path: path, line: line, detail: failure.detail)
        }
        let (record, text) = scanned
        let id = record.recordID ?? "\(path):\(line)"
        // The record is valid UTF-8 (repaired above), so the text value is too.
        let blocks: [Block]
        switch text {
        case .verbatim(let range): blocks = segmenter.blocks(in: raw, range: range)
        case .decoded(let bytes): blocks = segmenter.blocks(in: bytes, range: nil)
        case nil:
            // A record without the field has nothing to clean: most likely the corpus names its
            // text otherwise, which would leave every record empty without a word.
            throw .malformedJSONL(
                path: path, line: line, detail: "no '\(textField)' field (name the field to clean with --text-field)")
        }
        return Document(
            id: id, blocks: blocks,
            notes: ReadNotes(encoding: "UTF-8", replacements: replacements, inputBytes: raw.count + 1),
            record: record)
    }
}
