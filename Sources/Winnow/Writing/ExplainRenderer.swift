/// Renders every line of a document with its verdict: the audit view of what was dropped and why.
///
/// ```
/// # page.txt  lang=en 0.98  kept 12 of 40 lines
///     1 drop  • Home                         ⟵ nav.menu-item: navigation menu entry
///     5 keep  Twitter announced on Friday…
/// ```
public struct ExplainRenderer: Sendable {
    /// Longest text shown per line before it is cut with `…`.
    public var width: Int

    public init(width: Int = 100) {
        self.width = width
    }

    public func render(_ document: Document) -> String {
        let kept = document.verdict?.action == .drop ? 0 : document.blocks.filter(\.isKept).count
        var out = "# \(document.id)"
        if let language = document.language {
            out += "  lang=\(language.code) \(Self.format(language.confidence))"
        }
        out += "  kept \(kept) of \(document.blocks.count) lines\n"
        if let verdict = document.verdict, verdict.action == .drop {
            out += "# document dropped ⟵ \(verdict.reason.ruleID): \(verdict.reason.message)\n"
        }
        for block in document.blocks {
            let action = block.isKept ? "keep" : "drop"
            var text = block.text
            if text.count > width { text = String(text.prefix(width - 1)) + "…" }
            // A wrapped link joined back names the lines it stands for.
            let origin = block.origin
            let number = origin.lineCount > 1 ? "\(origin.line)-\(origin.lastLine)" : String(origin.line)
            out += String(repeating: " ", count: max(0, 6 - number.count)) + number + " " + action + "  " + text
            if let verdict = block.verdict {
                out += "  ⟵ \(verdict.reason.ruleID): \(verdict.reason.message)"
                if let score = verdict.reason.score { out += " (score \(Self.format(score)))" }
            } else if block.kind == .separator {
                // Kept, yet missing from the text: say why, so the audit matches the output.
                out += "  (a horizontal rule, a table border, a code fence or a line of marks only: the text output leaves it out unless --keep-markdown)"
            } else if let credit = block.creditStart, block.isKept {
                // --keep-captions: the caption stays, its credit goes.
                let visible = block.plainText
                let start = visible.utf8.index(visible.utf8.startIndex, offsetBy: Int(credit), limitedBy: visible.utf8.endIndex)
                let creditText = start.map { String(visible[$0...]) } ?? ""
                out += "  (a caption kept without its credit \"\(creditText.drop { $0 == " " })\")"
            }
            out += "\n"
        }
        return out
    }

    static func format(_ value: Double) -> String {
        var bytes: [UInt8] = []
        JSONText.appendNumber(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
