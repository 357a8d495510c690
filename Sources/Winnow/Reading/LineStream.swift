#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file line by line in fixed-size chunks, so a JSONL file of any size streams in
/// bounded memory (one chunk plus the longest line).
public final class LineStream {
    private let fd: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    /// Bytes before this offset are known to hold no newline of the current line.
    private var scanned = 0
    private var atEOF = false
    /// 1-based number of the line last returned.
    public private(set) var lineNumber = 0
    /// Bytes consumed so far.
    public private(set) var bytesRead = 0

    /// Opens `path`, or standard input when `path` is nil.
    public init(path: String?, chunkSize: Int = 1 << 20) throws(WinnowError) {
        if let path {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0 { throw .unreadableFile(path: path, detail: FileIO.errnoDescription()) }
            var info = stat()
            if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                throw .unreadableFile(path: path, detail: "is a directory")
            }
            self.fd = fd
            ownsDescriptor = true
        } else {
            fd = 0
            ownsDescriptor = false
        }
        buffer = [UInt8](repeating: 0, count: chunkSize)
    }

    deinit { if ownsDescriptor { close(fd) } }

    /// The next line without its line break (a trailing CR is removed too), or nil at the end.
    ///
    /// A UTF-8 byte order mark before the first line is dropped (editors on Windows write one;
    /// RFC 8259 lets a parser ignore it). JSONL is UTF-8: a UTF-16 or UTF-32 byte order mark
    /// throws `invalidEncoding` instead of making every line a malformed record.
    public func nextLine() throws(WinnowError) -> [UInt8]? {
        if lineNumber == 0 && start == 0 && !checkedByteOrderMark { try skipByteOrderMark() }
        while true {
            // memchr from where the last search stopped: a long line spread over several fills
            // is not searched again from its start.
            let found: Int? = buffer.withUnsafeBytes { raw in
                guard scanned < end, let base = raw.baseAddress,
                    let hit = memchr(base + scanned, 0x0A, end - scanned)
                else { return nil }
                return base.distance(to: UnsafeRawPointer(hit))
            }
            if let newline = found {
                return takeLine(upTo: newline, skipping: 1)
            }
            scanned = end
            if atEOF {
                guard start < end else { return nil }
                return takeLine(upTo: end, skipping: 0)
            }
            try fill()
        }
    }

    /// The bytes from `start` to `lineEnd` (without a final CR) as a new array; the next line
    /// starts `skipping` bytes after `lineEnd`.
    private func takeLine(upTo lineEnd: Int, skipping: Int) -> [UInt8] {
        var stop = lineEnd
        if stop > start, buffer[stop - 1] == 0x0D { stop -= 1 }
        let line = buffer.withUnsafeBytes { raw in Array(UnsafeRawBufferPointer(rebasing: raw[start..<stop])) }
        start = lineEnd + skipping
        scanned = start
        lineNumber += 1
        return line
    }

    private var checkedByteOrderMark = false

    private func skipByteOrderMark() throws(WinnowError) {
        checkedByteOrderMark = true
        while end < 4 && !atEOF { try fill() }
        let head = Array(buffer[0..<min(end, 4)])
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            start = 3
            scanned = 3
            return
        }
        let marks: [(bytes: [UInt8], name: String)] = [
            ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE"), ([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE"),
            ([0xFE, 0xFF], "UTF-16BE"), ([0xFF, 0xFE], "UTF-16LE"),
        ]
        if let mark = marks.first(where: { head.starts(with: $0.bytes) }) {
            throw .invalidEncoding(path: "", detail: "JSONL must be UTF-8, this file starts with a \(mark.name) byte order mark")
        }
    }

    private func fill() throws(WinnowError) {
        if start > 0 {
            // Moved in place: `replaceSubrange` with a slice of the buffer itself would copy
            // the whole buffer into a new allocation on every fill.
            let (from, length) = (start, end - start)
            buffer.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress, length > 0 else { return }
                memmove(base, base + from, length)
            }
            end -= start
            scanned -= start
            start = 0
        }
        if end == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
        while true {
            let got = buffer.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + end, raw.count - end) }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadableFile(path: "", detail: FileIO.errnoDescription())
            }
            if got == 0 { atEOF = true }
            end += got
            bytesRead += got
            return
        }
    }
}
