#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Winnow

/// A closed stdout pipe must be an error we can see (EPIPE), not a silent death; Ctrl-C and
/// SIGTERM remove the temporary outputs in progress before exiting, so nothing half-written
/// remains.
enum SignalHandling {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func install() {
        signal(SIGPIPE, SIG_IGN)
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                TemporaryFiles.shared.removeAll()
                _exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
