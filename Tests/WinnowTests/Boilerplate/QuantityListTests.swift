import Testing
@testable import Winnow

/// A recipe's ingredient list is the article's own list: its bulleted lines are not menu
/// entries, and a long one does not cut the method off the article.
@Suite struct QuantityListTests {
    @Test(arguments: [
        "2 sticks salted butter, slightly softened", "• 1 cup powdered sugar", "2-1/2 cups flour", "1 1/2 cups sugar",
        "½ TL Salz", "2 ½ cups flour", "200 g Mehl", "1,5 l de lait", "3 eggs", "- 4 ounces white almond bark",
    ])
    func quantities(_ line: String) {
        #expect(QuantityList.isQuantityLine(line))
    }

    @Test(arguments: [
        "1. Planning", "17 July 2012", "2012 in review", "Flour", "• Home", "4/", "12:30 pm", "1/2", "$5 off today",
    ])
    func notQuantities(_ line: String) {
        #expect(!QuantityList.isQuantityLine(line))
    }

    @Test func aListNeedsThreeLinesInARow() {
        var features = LineFeatures()
        features.words = 3
        let texts = ["2 cups flour", "1 egg", "Stir well", "2 cups flour", "1 egg", "3 tablespoons oil", "Bake"]
        let members = QuantityList.members(features: Array(repeating: features, count: texts.count), text: { texts[$0] })
        #expect(members == [false, false, false, true, true, true, false])
    }

    @Test func aListWithAQuantityRunIsTheArticlesInAllItsItems() {
        let members = [false, true, true, true, false, false, false]
        let listItem = [false, true, true, true, true, true, false]
        let widened = QuantityList.wholeLists(members, isListItem: { listItem[$0] }, paragraph: { _ in 0 })
        #expect(widened == [false, true, true, true, true, true, false])
        // A run that is less than a third of a long list leaves the list alone.
        let long = [Bool](repeating: true, count: 12)
        let few = (0..<12).map { $0 >= 1 && $0 <= 3 }
        #expect(QuantityList.wholeLists(few, isListItem: { long[$0] }, paragraph: { _ in 0 }) == few)
    }

    @Test func introductionAboveTheIngredientsStaysWithTheRecipe() throws {
        let text = """
            • Startseite
            • Rezepte
            • Kontakt

            Omas Apfelkuchen

            Dieser Kuchen gelingt immer und schmeckt am besten lauwarm mit Sahne.

            Zutaten
            • 250 g Mehl
            • 125 g Butter
            • 100 g Zucker
            • 1 Ei
            • 4 Äpfel
            • Zimt nach Geschmack

            Zubereitung
            1. Mehl, Butter, Zucker und Ei zu einem Teig verkneten.
            2. Die Äpfel schälen und in Spalten schneiden.
            3. Den Teig in die Form drücken und mit den Äpfeln belegen.
            4. Bei 180 Grad etwa 45 Minuten backen.
            """
        let kept = try BoilerplateTestSupport.keptTexts(text)
        #expect(kept.contains("Dieser Kuchen gelingt immer und schmeckt am besten lauwarm mit Sahne."))
        #expect(kept.contains("• 250 g Mehl") && kept.contains("• Zimt nach Geschmack"))
        #expect(!kept.contains("• Rezepte"))
    }

    static let recipe = """
        • Home
        • Recipes
        • Baking
        • Contact

        Grandmother's apple cake

        This is the cake my grandmother baked every autumn when the first apples came in from the orchard, and it is still the one my family asks for at every birthday.

        It takes a little patience because the apples need to soak in the syrup for a while, but the result is worth every minute of the wait, as you will see.

        Ingredients

        • 4 large apples, peeled
        • 200 g butter, softened
        • 1 1/2 cups sugar
        • 3 eggs
        • 2 ½ cups flour
        • 1 teaspoon baking powder
        • 1/2 teaspoon cinnamon
        • 1 pinch salt
        • 1 lemon, juiced
        • 100 ml milk
        • 2 tablespoons brown sugar
        • 1 handful walnuts
        • 1 vanilla pod
        • 3 tablespoons apricot jam
        • 50 g almonds, flaked
        • 1 tablespoon icing sugar

        Method

        Preheat the oven to 180 degrees and grease a round tin of about twenty-four centimetres with a little of the butter before you start on the batter.

        Cream the butter with the sugar until it is pale, then beat in the eggs one at a time and fold in the flour, the baking powder, the cinnamon and the salt.

        Spread the batter in the tin, press the apple slices into it in a circle and bake for about fifty minutes, until a skewer comes out clean from the middle.

        Share this recipe
        • Facebook
        • Twitter
        • Pinterest
        © 2024 Example Kitchen
        """

    @Test func recipeKeepsIngredientsAndMethod() throws {
        let kept = try BoilerplateTestSupport.keptTexts(Self.recipe)
        #expect(kept.contains("• 200 g butter, softened"))
        #expect(kept.contains("• 1 tablespoon icing sugar"))
        #expect(kept.contains { $0.hasPrefix("Spread the batter") })
        #expect(!kept.contains("• Recipes"))
        #expect(!kept.contains("• Pinterest"))
    }
}
