import Foundation
import Testing
import Winnow

/// Each line of the text output is written as the reader would render it again: rendering the
/// output once more changes nothing, so cleaning a clean corpus again gives the same bytes.
@Suite struct SettledLineTests {
    func rendered(_ text: String) -> String {
        TextRenderer().render(Document(id: "d", blocks: Segmenter().blocks(from: text)))
    }

    @Test(arguments: [
        ("\\- Erin Egan will become Chief Privacy Officer.", "Erin Egan will become Chief Privacy Officer."),
        ("  *   * Where are Cleopatra and Mark Antony buried?", "Where are Cleopatra and Mark Antony buried?"),
        ("[**Quora**](http://quora.com)**/[FormSpring](http://formspring.me)** and others", "Quora/FormSpring and others"),
        ("The evidence\u{00A0}", "The evidence"),
    ])
    func lineIsWrittenSettled(input: String, output: String) {
        let once = rendered(input)
        #expect(once == output + "\n")
        #expect(rendered(once) == once)
    }

    @Test func escapedRuleIsNotWritten() {
        #expect(rendered("Intro.\n\n\\----\n\nEnd.") == "Intro.\n\nEnd.\n")
    }

    /// A page with these lines, cleaned and cleaned again.
    @Test func cleaningTwiceChangesNothing() throws {
        let page = """
            The council approved the new budget on Tuesday evening after a debate that lasted more than four hours and ended with a narrow vote.

            \\- The library will open on Sundays from next spring, the first time in twenty years that it has done so.

              *   * Where will the money for the new buses come from, and when will they run?

            Councillors said the [**bus plan**](http://example.com/bus)**/[rail plan](http://example.com/rail)** would be reviewed again in the autumn, once the first figures are in.

            \\----

            The mayor thanked the staff who prepared the figures and said the town's finances were in better shape than they had been for a decade.\u{00A0}
            """
        let once = try BoilerplateTestSupport.clean(page)
        #expect(!once.contains("\\"))
        #expect(!once.contains("**"))
        #expect(!once.contains("----"))
        #expect(try BoilerplateTestSupport.clean(once) == once)
    }
}
