/// Where each `[` and each `(` of a text closes, found in one pass with a stack: the same
/// answers as `InlineMarkup.parseLink`'s depth-counting scans, which pair brackets the way a
/// stack does (the first `]` that brings the count back to zero).
struct LinkPairs {
    /// What the pairs say of a parse at one position.
    enum Lookup: Equatable {
        case link(Range<Int>, Int)
        case none
        /// `open` is not a `[` the one pass saw unescaped (a caller may start inside `\[`):
        /// only the direct scan knows.
        case unknown
    }

    /// Positions of unescaped `[`, ascending, and of the `]` that closes each (-1: none).
    private var bracketOpens: [Int] = []
    private var bracketCloses: [Int] = []
    /// The same for `(` and `)`; the link parser ignores escapes inside the destination.
    private var parenOpens: [Int] = []
    private var parenCloses: [Int] = []

    init(_ text: UnsafeRawBufferPointer) {
        let count = text.count
        var stack: [Int] = []
        var index = 0
        while true {
            index = SWAR.firstIndex(in: text, from: index, of: UInt8(ascii: "\\"), UInt8(ascii: "["), UInt8(ascii: "]"))
            guard index < count else { break }
            switch text[index] {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "["):
                stack.append(bracketOpens.count)
                bracketOpens.append(index)
                bracketCloses.append(-1)
            default:
                if let top = stack.popLast() { bracketCloses[top] = index }
            }
            index += 1
        }
        stack.removeAll(keepingCapacity: true)
        index = 0
        while true {
            index = SWAR.firstIndex(in: text, from: index, of: UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: ")"))
            guard index < count else { break }
            if text[index] == UInt8(ascii: "(") {
                stack.append(parenOpens.count)
                parenOpens.append(index)
                parenCloses.append(-1)
            } else if let top = stack.popLast() {
                parenCloses[top] = index
            }
            index += 1
        }
    }

    /// Where the last lookups ended in `bracketOpens` and `parenOpens`: a walk along the line
    /// asks in line order, so the next answer is found by stepping on from there.
    private var bracketCursor = 0
    private var parenCursor = 0
    /// Positions stepped over before a lookup falls back to bisection.
    private static let maximumSteps = 32

    mutating func link(at open: Int, in text: UnsafeRawBufferPointer) -> Lookup {
        guard let bracket = Self.slot(of: open, in: bracketOpens, cursor: &bracketCursor) else { return .unknown }
        let close = bracketCloses[bracket]
        guard close > 0, close + 1 < text.count, text[close + 1] == UInt8(ascii: "(") else { return .none }
        guard let paren = Self.slot(of: close + 1, in: parenOpens, cursor: &parenCursor) else { return .unknown }
        let end = parenCloses[paren]
        return end < 0 ? .none : .link(open + 1..<close, end + 1)
    }

    /// Where `position` is in the ascending `positions`: stepping on from `cursor` when it lies
    /// ahead (each position is stepped over once in a walk along the line: a bisection per
    /// bracket was a third of the time of a megabyte line of brackets), else by bisection.
    private static func slot(of position: Int, in positions: [Int], cursor: inout Int) -> Int? {
        var low = 0
        if cursor < positions.count, positions[cursor] <= position {
            // A few steps at most, then bisection over the rest: lookups that jump back and
            // forth cannot make the steps add up.
            low = cursor
            let stepLimit = min(positions.count, cursor + Self.maximumSteps)
            while low < stepLimit, positions[low] < position { low += 1 }
        }
        if low == 0 || (low < positions.count && positions[low] < position) {
            var high = positions.count
            while low < high {
                let middle = (low + high) / 2
                if positions[middle] < position { low = middle + 1 } else { high = middle }
            }
        }
        cursor = low
        return low < positions.count && positions[low] == position ? low : nil
    }
}
