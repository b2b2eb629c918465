package dev.kontor.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.LitCells;
import dev.kontor.testing.ViewTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * WCAG 2.5.3 (label in name) on the pages where buttons act on one row or card among many: the name a screen reader
 * says and voice control listens for starts with the words on the button (or, for an icon, in its tooltip), in English
 * and in German, where the word order of a sentence would otherwise put the row's name first.
 */
@ViewTest
class LabelInNameTest extends SpringBrowserlessTest {

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    static Stream<Arguments> pages() {
        List<Arguments> pages = new ArrayList<>();
        for (Locale language : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            pages.add(Arguments.of(DemoPeople.LEGAL, "partner/customers", language));
            pages.add(Arguments.of(DemoPeople.ANNA, "", language));
            pages.add(Arguments.of(DemoPeople.OPERATOR, "admin/accounts/CN-10001", language));
            pages.add(Arguments.of(DemoPeople.OPERATOR, "admin/partners/Muster Hosting GmbH", language));
        }
        return pages.stream();
    }

    @ParameterizedTest(name = "{0} on /{1} in {2}")
    @MethodSource("pages")
    void every_named_button_says_its_visible_words_first(String person, String path, Locale language) {
        UI.getCurrent().setLocale(language);
        fixtures.signIn(person);
        UI.getCurrent().navigate(resolved(path));

        List<Named> named = new ArrayList<>();
        descendants(UI.getCurrent()).filter(Button.class::isInstance).map(Button.class::cast)
                .filter(button -> button.getElement().hasAttribute("aria-label"))
                .map(button -> new Named(visibleWords(button), button.getElement().getAttribute("aria-label")))
                .forEach(named::add);
        // rows drawn in the browser: their buttons are in the columns' templates
        descendants(UI.getCurrent()).filter(Grid.class::isInstance).map(Grid.class::cast)
                .flatMap(grid -> templates(grid)).flatMap(LabelInNameTest::templateButtons).forEach(named::add);
        assertThat(named).as("buttons with a name of their own on /" + path).isNotEmpty();
        // the row buttons this page is about are among those checked, not only the layout's
        String rowAction = switch (path) {
            case "partner/customers" -> "access.enter";
            case "admin/accounts/CN-10001" -> "admin.service.rename";
            case "admin/partners/Muster Hosting GmbH" -> "admin.person.deactivate";
            default -> "layout.sign-out";
        };
        assertThat(named).extracting(Named::visible)
                .contains(UI.getCurrent().getTranslation(rowAction));
        for (Named button : named) {
            assertThat(button.name()).as("the name of the button showing \"%s\"", button.visible())
                    .startsWith(button.visible());
        }
    }

    /** A button's visible words (in a template: as written there, expressions and references included) and name. */
    private record Named(String visible, String name) {
    }

    private static final Pattern TEMPLATE_BUTTON = Pattern.compile("<vaadin-button([^>]*)>(.*?)</vaadin-button>");
    private static final Pattern ARIA_LABEL = Pattern.compile("aria-label=\"([^\"]*)\"");
    private static final Pattern TOOLTIP = Pattern.compile("<vaadin-tooltip[^>]*text=\"([^\"]*)\"");

    /** The named buttons of a template: their words are its text outside tags, or else their tooltip's. */
    private static Stream<Named> templateButtons(String template) {
        List<Named> found = new ArrayList<>();
        Matcher button = TEMPLATE_BUTTON.matcher(template);
        while (button.find()) {
            Matcher label = ARIA_LABEL.matcher(button.group(1));
            if (!label.find()) {
                continue;
            }
            String text = button.group(2).replaceAll("<vaadin-tooltip[^>]*>.*?</vaadin-tooltip>", "")
                    .replaceAll("<[^>]*>", "").strip();
            Matcher tooltip = TOOLTIP.matcher(button.group(2));
            found.add(new Named(text.isEmpty() && tooltip.find() ? tooltip.group(1) : text, label.group(1)));
        }
        return found.stream();
    }

    private static Stream<String> templates(Grid<?> grid) {
        return grid.getColumns().stream().filter(column -> column.getKey() != null)
                .filter(column -> column.getRenderer() instanceof com.vaadin.flow.data.renderer.LitRenderer<?>)
                .map(column -> LitCells.template(grid, column.getKey()));
    }

    private String resolved(String path) {
        if (path.startsWith("admin/partners/")) {
            return "admin/partners/" + jdbc.queryForObject("select id from organization where name = ?",
                    Long.class, path.substring("admin/partners/".length()));
        }
        return path;
    }

    private static String visibleWords(Button button) {
        String text = button.getText() == null ? "" : button.getText().strip();
        if (!text.isEmpty()) {
            return text;
        }
        return button.getTooltip() == null || button.getTooltip().getText() == null ? ""
                : button.getTooltip().getText().strip();
    }

    /** Every component on the page, with those in the grids' rendered cells, which the component tree leaves out. */
    private Stream<Component> descendants(Component root) {
        Stream<Component> cells = root instanceof Grid<?> grid ? cells(grid) : Stream.empty();
        return Stream.concat(Stream.of(root), Stream.concat(cells, root.getChildren().flatMap(this::descendants)));
    }

    private <Y> Stream<Component> cells(Grid<Y> grid) {
        GridTester<Grid<Y>, Y> rows = test(grid);
        List<Component> found = new ArrayList<>();
        for (int row = 0; row < Math.min(rows.size(), 10); row++) {
            for (int column = 0; column < grid.getColumns().size(); column++) {
                try {
                    Component cell = rows.getCellComponent(row, column);
                    if (cell != null) {
                        found.add(cell);
                    }
                } catch (RuntimeException notAComponentColumn) {
                    // a text column
                }
            }
        }
        return found.stream().flatMap(this::descendants);
    }
}
