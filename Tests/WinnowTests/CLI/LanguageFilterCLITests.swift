import Foundation
import Testing

@Suite(.serialized) struct LanguageFilterCLITests {
    static let english = """
        The city council approved the new budget on Tuesday after a long debate about schools and roads.

        Officials said the money would be spent over the next three years, starting with the oldest bridges.

        """
    static let french = """
        Le conseil municipal a approuvé le nouveau budget mardi après un long débat sur les écoles et les routes.

        Les responsables ont déclaré que l'argent serait dépensé au cours des trois prochaines années.

        """

    @Test func documentsInOtherLanguagesAreNotWrittenButReported() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("in/en.txt", Self.english)
        try dir.write("in/fr.txt", Self.french)
        let result = try CLIRunner.run([
            "clean", dir.path("in"), "-o", dir.path("out"), "--languages", "fr", "--stats", dir.path("stats.json"), "-q",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir.path("out"))
        #expect(files == ["fr.txt"])
        let data = try Data(contentsOf: dir.url.appendingPathComponent("stats.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let languages = try #require(json["languages"] as? [String: Int])
        #expect(languages["en"] == 1)
        #expect(languages["fr"] == 1)
        let documentRules = try #require(json["document_rules"] as? [String: Int])
        #expect(documentRules["language.not-requested"] == 1)
        let explain = try CLIRunner.run(["explain", dir.path("in/en.txt"), "--languages", "fr"])
        #expect(explain.stdoutText.contains("document dropped ⟵ language.not-requested"))
    }

    @Test func jsonlCarriesDocumentAndParagraphLanguages() throws {
        let result = try CLIRunner.run(["--format", "jsonl"], stdin: Data(Self.french.utf8))
        let line = result.stdoutText
        #expect(line.contains(#""lang":"fr""#))
        #expect(line.contains(#""paragraphs":[{"lines":[1,1],"lang":"fr""#))
    }
}
