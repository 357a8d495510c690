import Foundation
import Testing

@Suite(.serialized) struct LangCommandTests {
    @Test func printsOneCodePerStandardInputLine() throws {
        let input = """
            The committee will publish its final report on the new railway line next spring.
            Le conseil municipal a décidé hier de rénover le vieux pont pendant l'été.

            Городской совет вчера решил отремонтировать старый мост этим летом.
            สภาเมืองตัดสินใจซ่อมสะพานเก่าในฤดูร้อนนี้
            12345

            """
        let result = try CLIRunner.run(["lang", "--lines"], stdin: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText == "en\nfr\nund\nru\nth\nund\n")
    }

    @Test func printsDocumentLanguageAndParagraphSpans() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("page.txt", """
            The city council met on Tuesday evening to discuss the budget for the coming year.

            La fête est finie : https://orelsan.lnk.to/LaFeteEstFinie La tournée commence bientôt.

            After a long debate the council agreed to repair the old bridge over the river before winter.
            The mayor said that the work would begin in the spring.

            """)
        let result = try CLIRunner.run(["lang", path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("\(path)\ten\t") == true)
        #expect(lines.dropFirst().map { $0.split(separator: "\t").prefix(2).joined(separator: " ") }
            == ["  1-1 en", "  3-3 fr", "  5-6 en"])
    }
}
