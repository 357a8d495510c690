import Testing
@testable import Winnow

/// A plain-text news page: kicker, headline, standfirst, date and a captioned lead photo above
/// the text. The headline, standfirst and date belong to the article; the menu does not.
@Suite struct StandfirstTitleTests {
    static let page = """
        Startseite Politik Ausland Wirtschaft Panorama Sport

        Bundeshaushalt
        Lindner kündigt Sparpaket für 2026 an

        Der Finanzminister will bei Subventionen und Förderprogrammen kürzen. Die Grünen kritisieren
        die Pläne scharf, die SPD zeigt sich gesprächsbereit.

        12.08.2025, 14.02 Uhr

        Bild vergrößern
        Finanzminister im Bundestag: Kürzungen bei Förderprogrammen geplant
        Foto: Kay Nietfeld / dpa

        Die Bundesregierung will im kommenden Jahr rund zwölf Milliarden Euro einsparen. Das geht aus
        einem Papier des Finanzministeriums hervor, das der Redaktion vorliegt. Betroffen sind vor allem
        Förderprogramme für Unternehmen und einzelne Subventionen im Verkehrsbereich.

        Der Minister verteidigte die Pläne am Dienstag. Man könne nicht dauerhaft mehr ausgeben, als man
        einnehme, sagte er in Berlin. Die Schuldenbremse gelte auch in schwierigen Zeiten.
        """

    @Test func theHeadlineAboveAStandfirstJoinsTheArticle() throws {
        var document = Document(id: "test", blocks: Segmenter().blocks(from: Self.page))
        try LanguageDetector().process(&document)
        try BoilerplateRemover(rules: try RuleSet.builtin(), options: BoilerplateOptions()).process(&document)
        let kept = document.blocks.filter(\.isKept).map(\.text)
        #expect(kept.first == "Lindner kündigt Sparpaket für 2026 an")
        #expect(kept.contains("die Pläne scharf, die SPD zeigt sich gesprächsbereit."))
        #expect(!kept.contains("Startseite Politik Ausland Wirtschaft Panorama Sport"))
        #expect(!kept.contains("Finanzminister im Bundestag: Kürzungen bei Förderprogrammen geplant"))
    }
}
