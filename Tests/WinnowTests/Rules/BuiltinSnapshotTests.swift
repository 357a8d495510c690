import Foundation
import Testing

@testable import Winnow

/// The built-in rules' snapshot (`BuiltinSnapshot`) must hold exactly what parsing the YAML and
/// compiling every rule gives. `Scripts/generate-builtin-rules` runs this suite with
/// `WINNOW_WRITE_BUILTIN_SNAPSHOT=1` to write it.
@Suite struct BuiltinSnapshotTests {
    static let generatedFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Rules
        .deletingLastPathComponent()  // WinnowTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repo
        .appendingPathComponent("Sources/Winnow/Rules/BuiltinSnapshot+Generated.swift")

    /// The snapshot made now from the YAML compiled into the binary.
    static func freshText() throws -> String {
        let analysis = try CompiledRules.Analysis(rules: RuleSetLoader.parsedBuiltinRules())
        return BuiltinSnapshot.text(of: analysis, digest: BuiltinRules.digest)
    }

    @Test func snapshotIsNotStale() throws {
        let fresh = try Self.freshText()
        if ProcessInfo.processInfo.environment["WINNOW_WRITE_BUILTIN_SNAPSHOT"] == "1" {
            try BuiltinSnapshot.source(of: fresh).write(to: Self.generatedFile, atomically: true, encoding: .utf8)
            return
        }
        #expect(fresh == BuiltinSnapshot.text, "BuiltinSnapshot+Generated.swift is stale; run Scripts/generate-builtin-rules")
        #expect(BuiltinSnapshot.contents() != nil, "the snapshot is not read back; run Scripts/generate-builtin-rules")
    }

    /// Reading the snapshot and writing it again gives it back: nothing written is lost or
    /// changed on the way in (with `snapshotIsNotStale`, the analysis read back is the fresh one).
    @Test func snapshotSurvivesARoundTrip() throws {
        let contents = try #require(BuiltinSnapshot.contents())
        #expect(BuiltinSnapshot.text(of: contents.analysis, digest: BuiltinRules.digest) == BuiltinSnapshot.text)
        #expect(contents.analysis.regexes.count > 0)
        // The indexes read back are the ones built from the snapshot's analysis.
        let built = CompiledRules(analysis: contents.analysis).indexes
        #expect(contents.indexes.all == built.all)
        #expect(contents.indexes.longLine == built.longLine)
        #expect(contents.indexes.raw == built.raw)
        #expect(contents.indexes.plainPrefixTrie.storage == built.plainPrefixTrie.storage)
        #expect(contents.indexes.rawPrefixTrie.storage == built.rawPrefixTrie.storage)
        #expect(contents.indexes.noPhraseNormalizesToASCII == built.noPhraseNormalizesToASCII)
        let compiled = try CompiledRules(rules: RuleSetLoader.parsedBuiltinRules())
        #expect((contents.compiledRules.asciiPhrases == nil) == (compiled.asciiPhrases == nil))
    }

    @Test func snapshotRulesEqualParsedRulesOneByOne() throws {
        let snapshot = try #require(BuiltinSnapshot.contents()).analysis.rules
        let parsed = try RuleSetLoader.parsedBuiltinRules()
        #expect(snapshot.count == parsed.count)
        for (read, expected) in zip(snapshot, parsed) {
            #expect(read == expected, "\(expected.id)")
        }
        #expect(try RuleSet.builtin().rules == parsed)
    }

    @Test func snapshotOfOtherRuleFilesIsIgnored() {
        #expect(BuiltinSnapshot.read(BuiltinSnapshot.text, digest: "other") == nil)
        #expect(BuiltinSnapshot.read(BuiltinSnapshot.text, digest: BuiltinRules.digest) != nil)
    }

    @Test func malformedSnapshotIsIgnored() {
        let text = BuiltinSnapshot.text
        let digest = BuiltinRules.digest
        #expect(BuiltinSnapshot.read(String(text.dropLast(text.count / 3)), digest: digest) == nil)
        #expect(BuiltinSnapshot.read(text + "1\n", digest: digest) == nil)
        #expect(BuiltinSnapshot.read("", digest: digest) == nil)
        #expect(BuiltinSnapshot.read("\(BuiltinSnapshot.formatVersion)\n=\(digest)\n99999999\n", digest: digest) == nil)
    }

    @Test func prefixTrieOutsideItsTableIsRejected() {
        var table = [Int32](repeating: -1, count: 256)
        table[Int(UInt8(ascii: "a"))] = 256
        #expect(AnchoredPrefixTrie(table: table + [1, 0, 0], rankLimit: 1) != nil)
        #expect(AnchoredPrefixTrie(table: table + [1, 0, 5], rankLimit: 1) == nil)  // rank too high
        #expect(AnchoredPrefixTrie(table: table + [1, 1, 0], rankLimit: 1) == nil)  // child past the end
        #expect(AnchoredPrefixTrie(table: table + [0, 1, 98, 999], rankLimit: 1) == nil)  // child node outside
    }

    @Test func writerEscapesWhatTheLiteralCannotHold() {
        var writer = SnapshotWriter()
        let awkward: [UInt8] = [0x22, 0x5C, 0x0A, 0x20, 0xFF, 0xFE, 0x23, 0x41] + Array("é\"\"\"#".utf8)
        writer.bytes(awkward)
        writer.optional(Int?.none) { $0.int($1) }
        writer.optional(-3) { $0.int($1) }
        writer.unsigned(UInt64.max)
        let text = writer.text
        #expect(!text.utf8.contains(0x22))
        #expect(text.utf8.filter { $0 == 0x0A }.count == 5)
        var copy = text
        copy.withUTF8 { utf8 in
            var reader = SnapshotReader(UnsafeRawBufferPointer(utf8))
            #expect((try? reader.bytes()) == awkward)
            #expect((try? reader.optional { reader throws(SnapshotReader.Malformed) in try reader.int() }) == .some(nil))
            #expect((try? reader.optional { reader throws(SnapshotReader.Malformed) in try reader.int() }) == -3)
            #expect((try? reader.unsigned()) == UInt64.max)
            #expect(reader.isAtEnd)
        }
    }

    /// The rule set read from the snapshot and the one compiled from the YAML decide every probe
    /// line (the examples and variants of them) alike.
    @Test func snapshotRuleSetDecidesLikeTheCompiledOne() throws {
        let snapshot = RuleSet(compiled: try #require(BuiltinSnapshot.contents()).compiledRules)
        let compiled = try RuleSet(rules: RuleSetLoader.parsedBuiltinRules())
        let lines = BuiltinPrefilterEquivalenceTests.probeLines(compiled.rules, count: 3000, seed: 23)
        RuleSetAgreement.expectSameVerdicts(snapshot, compiled, lines: lines, minimumDecided: 500)
    }
}
