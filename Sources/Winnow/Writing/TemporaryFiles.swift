#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The temporary output files open right now, so an interrupted run (Ctrl-C, SIGTERM) can
/// remove them before it exits and leave nothing half-written behind.
public final class TemporaryFiles: Sendable {
    public static let shared = TemporaryFiles()
    private let paths = Mutex(Set<String>())

    func register(_ path: String) { paths.withLock { _ = $0.insert(path) } }
    func unregister(_ path: String) { paths.withLock { _ = $0.remove(path) } }

    /// Deletes every registered temporary file.
    public func removeAll() {
        let current = paths.withLock { paths in
            let copy = paths
            paths.removeAll()
            return copy
        }
        for path in current { unlink(path) }
    }
}
