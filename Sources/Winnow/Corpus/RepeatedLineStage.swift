/// Drops lines that repeat across many documents of the same site (`corpus.repeated-line`).
///
/// The stage runs after the boilerplate remover and only decides lines that are still
/// undecided: a line that a rule protects (`keep`) stays, whatever the profile says, and a
/// line another rule already dropped keeps its first reason.
///
/// **Every copy goes.** The choice between dropping every copy and keeping the first is made
/// for every copy: a menu or footer has no original page, and "first" would depend on the
/// order in which files are listed. So the decision depends only on the line, its site and the
/// profile, never on file order or `--jobs`.
public struct RepeatedLineStage: Stage {
    public let id = "corpus"
    /// The rule id in explain output, JSONL metadata and stats.
    public static let ruleID = "corpus.repeated-line"

    /// Per site: the lines that pass the thresholds at some length, with their counts.
    private let candidates: [String: SiteCandidates]
    public let thresholds: RepeatThresholds

    private struct SiteCandidates: Sendable {
        var documents: UInt64
        var counts: [UInt64: UInt32]
    }

    /// A stage using `profile`; documents whose `site` the profile does not know are untouched.
    public init(profile: RepeatProfile, thresholds: RepeatThresholds = RepeatThresholds()) {
        self.thresholds = thresholds
        var candidates: [String: SiteCandidates] = [:]
        for site in profile.sites {
            var counts: [UInt64: UInt32] = [:]
            for index in site.hashes.indices
            where thresholds.isRepeated(count: UInt64(site.counts[index]), documents: site.documents, length: 0) {
                counts[site.hashes[index]] = site.counts[index]
            }
            if !counts.isEmpty { candidates[site.name] = SiteCandidates(documents: site.documents, counts: counts) }
        }
        self.candidates = candidates
    }

    /// Lines the profile would drop, over all sites (for reports).
    public var candidateCount: Int { candidates.values.reduce(0) { $0 + $1.counts.count } }

    public func process(_ document: inout Document) throws(WinnowError) {
        guard document.verdict?.action != .drop, let site = document.site, let table = candidates[site] else { return }
        var scratch: [UInt8] = []
        // First the lines that pass the thresholds, then the run condition on their neighbours.
        var repeated: [UInt32?] = Array(repeating: nil, count: document.blocks.count)
        for index in document.blocks.indices where !document.blocks[index].isDecided {
            guard let fingerprint = LineFingerprint.fingerprint(of: document.blocks[index].text, scratch: &scratch),
                let count = table.counts[fingerprint.hash],
                thresholds.isRepeated(count: UInt64(count), documents: table.documents, length: fingerprint.length)
            else { continue }
            repeated[index] = count
        }
        func isBoilerplate(_ index: Int) -> Bool {
            guard document.blocks.indices.contains(index) else { return false }
            return repeated[index] != nil || document.blocks[index].verdictAction == .drop
        }
        for index in document.blocks.indices {
            guard let count = repeated[index] else { continue }
            let isolated = !isBoilerplate(index - 1) && !isBoilerplate(index + 1)
            if isolated && Double(count) < thresholds.isolatedShare * Double(table.documents) - 1e-9 { continue }
            let message = "in \(Self.grouped(UInt64(count))) of \(Self.grouped(table.documents)) documents of \(site)"
            let share = (Double(count) / Double(table.documents) * 1000).rounded() / 1000
            document.blocks[index].verdict = .drop(Self.ruleID, message, score: share)
        }
    }

    /// `1372` → `1,372`.
    static func grouped(_ value: UInt64) -> String {
        let digits = String(value)
        var out = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }
}
