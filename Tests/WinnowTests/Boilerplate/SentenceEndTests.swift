import Testing
@testable import Winnow

/// What ends a line like a sentence: punctuation, closing quotes, and a blog's smileys.
@Suite struct SentenceEndTests {
    func ends(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { FeatureExtractor.endsLikeSentence(UnsafeRawBufferPointer($0)) }
    }

    @Test func punctuationAndQuotesEndASentence() {
        #expect(ends("The bridge opens in May."))
        #expect(ends("„Wir sind bereit“, sagte sie: „Wirklich?“"))
        #expect(ends("Er sagte »Nein«"))
        #expect(!ends("Related stories"))
    }

    @Test func smileysEndASentence() {
        #expect(ends("Ich wünsche euch allen einen schönen Sonntag <3"))
        #expect(ends("Bis bald :D"))
        #expect(ends("Thanks for reading 😊"))
        #expect(ends("Love this place ❤️"))
        #expect(ends("Was für ein Tag ^^"))
        // A smiley glued to a word is not one ("R2D2:D" is a name), nor is a count of three.
        #expect(!ends("Model X<3"))
        #expect(!ends("Top 3"))
    }
}
