import Testing

@testable import Winnow

/// The check behind the C line kernels' tests: the kernel-backed segmenter must cut a text
/// into exactly the blocks the portable Swift path gives, field by field.
enum SegmenterParity {
    static func expectSameBlocks(
        _ text: String, kernel: Segmenter, portable: Segmenter, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let fast = kernel.blocks(from: text)
        let slow = portable.blocks(from: text)
        let name = text.debugDescription
        #expect(fast.map(\.text) == slow.map(\.text), "\(name)", sourceLocation: sourceLocation)
        #expect(fast.map(\.traits) == slow.map(\.traits), "\(name)", sourceLocation: sourceLocation)
        #expect(fast.map(\.indent) == slow.map(\.indent), "\(name)", sourceLocation: sourceLocation)
        #expect(fast.map(\.origin) == slow.map(\.origin), "\(name)", sourceLocation: sourceLocation)
        #expect(fast.map(\.paragraph) == slow.map(\.paragraph), "\(name)", sourceLocation: sourceLocation)
        #expect(fast.map(\.kind) == slow.map(\.kind), "\(name)", sourceLocation: sourceLocation)
    }
}
