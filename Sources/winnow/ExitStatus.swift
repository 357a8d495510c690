import ArgumentParser
import Winnow

/// The documented exit statuses, from a run's totals.
enum ExitStatus {
    static let success: Int32 = 0
    static let nothingKept: Int32 = 1
    static let inputErrors: Int32 = 2
    static let repairedInputs: Int32 = 3
    static let usage: Int32 = 64

    static func from(_ stats: RunStats) -> Int32 {
        if !stats.errors.isEmpty { return inputErrors }
        if stats.lines.kept == 0 && stats.documents.skipped == 0 { return nothingKept }
        if !stats.warnings.isEmpty { return repairedInputs }
        return success
    }
}
