#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import Winnow

/// Prints problems as `winnow: <file>: <what happened>` lines, and a progress line when stderr
/// is a terminal.
final class StderrReporter: RunObserver {
    private let showProgress: Bool
    private let state = Mutex(false)  // whether a progress line is on screen

    init(quiet: Bool) {
        showProgress = !quiet && isatty(2) == 1
    }

    func report(_ diagnostic: Diagnostic) {
        state.withLock { onScreen in
            if onScreen { Self.write("\r\u{1B}[K") }
            onScreen = false
            Self.writeLine("winnow: \(diagnostic.severity == .warning ? "warning: " : "")\(diagnostic.message)")
        }
    }

    func progress(_ progress: RunProgress) {
        guard showProgress else { return }
        let megabytes = Double(progress.bytesDone) / 1e6
        let rate = progress.elapsedSeconds > 0 ? megabytes / progress.elapsedSeconds : 0
        var line = "\r\u{1B}[K\(progress.filesDone)/\(progress.filesTotal) files, \(progress.documentsDone) documents, \(Self.format(rate)) MB/s"
        if rate > 0, progress.bytesTotal > progress.bytesDone {
            let eta = Double(progress.bytesTotal - progress.bytesDone) / 1e6 / rate
            line += ", ETA \(Int(eta.rounded()))s"
        }
        state.withLock { onScreen in
            Self.write(line)
            onScreen = true
        }
    }

    func finish() {
        state.withLock { onScreen in
            if onScreen { Self.write("\r\u{1B}[K") }
            onScreen = false
        }
    }

    /// `message` and a line break, with any line break or control inside it escaped.
    static func writeLine(_ message: String) {
        write(ErrorLine.escaping(message) + "\n")
    }

    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in _ = Glibc.write(2, buffer.baseAddress, buffer.count) }
    }

    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
