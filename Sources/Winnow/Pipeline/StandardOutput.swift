#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Buffered writes to standard output. A closed pipe (`winnow … | head`) surfaces as
/// `BrokenPipe` so the run can stop quietly.
public final class StandardOutput {
    public struct BrokenPipe: Error {}

    private var buffer: [UInt8] = []
    private let fd: Int32

    public init(fd: Int32 = 1) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    public func write(_ bytes: [UInt8]) throws {
        // A large output goes straight out: copying a huge document into the buffer would
        // hold it twice.
        if bytes.count >= 1 << 16 {
            try flush()
            try writeAll(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func write(_ text: String) throws {
        try write(Array(text.utf8))
    }

    public func flush() throws {
        defer { buffer.removeAll(keepingCapacity: true) }
        try writeAll(buffer)
    }

    private func writeAll(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in systemWrite(fd, raw.baseAddress! + offset, raw.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EPIPE { throw BrokenPipe() }
                throw WinnowError.outputNotWritable(path: "<stdout>", detail: FileIO.errnoDescription())
            }
            offset += written
        }
    }
}
