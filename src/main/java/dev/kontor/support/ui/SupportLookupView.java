package dev.kontor.support.ui;

import com.vaadin.flow.component.Component;
import dev.kontor.base.ui.Moments;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.listbox.ListBox;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.kontor.base.PhoneNumbers;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.Notices;
import dev.kontor.support.CardChange;
import dev.kontor.support.CardPerson;
import dev.kontor.support.LookupPage;
import dev.kontor.support.LookupResult;
import dev.kontor.support.SupportCard;
import dev.kontor.support.SupportLookup;
import dev.kontor.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * Support lookup: one search field, focused on open; results follow the typing; Enter opens the first, the arrow
 * keys walk the results, Esc returns to the search. The card puts first what an emergency needs, with click-to-call
 * and mailto links, copy buttons and a plain-text summary for the incident ticket. Nothing on it can be changed.
 */
@Route("support")
@Menu(title = "nav.support", order = 5, icon = "vaadin:lifebuoy")
@RolesAllowed(Roles.SUPPORT)
public class SupportLookupView extends VerticalLayout implements HasDynamicTitle {

    /** Results asked for at a time; the lookup shows at most 200, then the search must be narrowed. */
    static final int PAGE = 20;
    private static final int MOST = 200;

    private final SupportLookup lookup;
    private final TextField search = new TextField();
    private final ListBox<LookupResult> results = new ListBox<>();
    private final Paragraph resultsHint = new Paragraph();
    private final Button showMore = new Button();
    private final Div card = new Div();
    private List<LookupResult> shown = List.of();
    /** The account whose card is open, if any. */
    private Long cardOf;
    private int limit = PAGE;

    public SupportLookupView(SupportLookup lookup) {
        this.lookup = lookup;
        setId("support-lookup-view");
        addClassName("support-lookup");

        search.setId("lookup-search");
        search.setLabel(getTranslation("support.search"));
        search.setPlaceholder(getTranslation("support.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setMaxLength(SupportLookup.QUERY_MAX_LENGTH);
        search.setWidthFull();
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(250);
        search.addValueChangeListener(event -> {
            limit = PAGE;
            showResults(event.getValue());
        });
        search.setAutofocus(true);
        search.addKeyDownListener(Key.ENTER, event -> openFirst());
        // down from the search into the results, where the arrow keys walk and Enter opens
        search.addKeyDownListener(Key.ARROW_DOWN, event -> {
            if (!shown.isEmpty()) {
                results.getElement().callJsFunction("focus");
            }
        });

        resultsHint.setId("lookup-hint");
        resultsHint.addClassName("section-explanation");
        resultsHint.setText(getTranslation("support.hint"));
        results.setId("lookup-results");
        results.getElement().setAttribute("aria-label", getTranslation("support.results"));
        results.setRenderer(new ComponentRenderer<>(this::resultLine));
        results.addValueChangeListener(event -> {
            if (event.getValue() != null && event.isFromClient()) {
                open(event.getValue());
            }
        });
        results.setVisible(false);
        showMore.setText(getTranslation("support.show-more"));
        showMore.setId("lookup-more");
        showMore.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        showMore.addClickListener(click -> {
            limit = Math.min(limit + PAGE, MOST);
            showResults(search.getValue());
        });
        showMore.setVisible(false);

        card.setId("support-card");
        card.addClassName("support-card");
        card.setVisible(false);
        // Esc from anywhere on the page: back to the search, ready for the next lookup
        Shortcuts.addShortcutListener(this, this::backToSearch, Key.ESCAPE);

        add(new H2(getTranslation("support.title")), search, resultsHint, results, showMore, card);
        FormRules.explainConstraints(search);
    }

    private void showResults(String text) {
        LookupPage page = lookup.search(text, limit);
        shown = page.results();
        results.setItems(shown);
        results.setVisible(!shown.isEmpty());
        if (cardOf != null && shown.stream().noneMatch(result -> cardOf.equals(result.customerId()))) {
            // the open card belongs to the search before: left under "Nothing found" or other accounts' names, it
            // would be read as theirs
            closeCard();
        }
        showMore.setVisible(page.more() && limit < MOST);
        resultsHint.setText(text == null || text.isBlank() ? getTranslation("support.hint")
                : shown.isEmpty() ? getTranslation("support.nothing-found")
                : !page.more() ? getTranslation("support.found", shown.size())
                : limit < MOST ? getTranslation("support.found-more", shown.size())
                : getTranslation("support.found-too-many", shown.size()));
    }

    private void openFirst() {
        if (search.getValue() != null && !search.getValue().isBlank() && shown.isEmpty()) {
            showResults(search.getValue());
        }
        if (!shown.isEmpty()) {
            open(shown.getFirst());
        }
    }

    private void backToSearch() {
        card.setVisible(false);
        search.focus();
    }

    private void closeCard() {
        card.removeAll();
        card.setVisible(false);
        cardOf = null;
    }

    private Component resultLine(LookupResult result) {
        Span number = new Span(result.customerNumber());
        number.addClassNames("result-number", "no-break");
        Span name = new Span(result.name());
        name.addClassName("result-name");
        Span why = new Span(getTranslation("support.match." + result.matchedBy(), result.matchedText()));
        why.addClassName("result-why");
        Div line = new Div(number, name, why);
        line.addClassName("result-line");
        return line;
    }

    private void open(LookupResult result) {
        SupportCard shownCard = lookup.card(result.customerId());
        card.removeAll();
        card.setVisible(true);
        cardOf = result.customerId();
        H3 title = new H3(shownCard.name() + " ");
        title.add(dev.kontor.base.ui.LineBreaks.unbroken("(" + shownCard.customerNumber() + ")"));
        title.setId("card-title");
        card.add(title);

        Div emergency = section("card-emergency", "support.card.emergency-section");
        emergency.add(personBlock("card-contact-person", "support.card.contact-person", shownCard.contactPerson()));
        emergency.add(personBlock("card-deputy", "support.card.deputy", shownCard.deputy()));
        Div outOfHours = new Div(label("support.card.emergency"));
        outOfHours.setId("card-emergency-phone");
        outOfHours.add(shownCard.emergencyPhone() == null ? new Span(getTranslation("support.card.none"))
                : phoneLink(shownCard.emergencyPhone(), shownCard.emergencyPhone()));
        emergency.add(outOfHours);
        Span freshness = new Span(shownCard.confirmedAt() == null ? getTranslation("support.card.never-confirmed")
                : getTranslation(shownCard.confirmationOverdue() ? "support.card.overdue" : "support.card.confirmed",
                date(shownCard.confirmedAt())));
        freshness.setId("card-freshness");
        freshness.addClassNames("tag", shownCard.confirmationOverdue() ? "tag-warning" : "tag-success");
        emergency.add(freshness);
        card.add(emergency);

        Div technical = section("card-technical", "support.card.technical-section");
        shownCard.technicalContacts().forEach(person -> technical.add(personBlock(null, null, person)));
        if (shownCard.technicalContacts().isEmpty()) {
            technical.add(new Span(getTranslation("support.card.none")));
        }
        card.add(technical);

        Div partner = section("card-partner", "support.card.partner-section");
        if (shownCard.partnerName() == null) {
            partner.add(new Span(getTranslation("support.card.no-partner")));
        } else {
            Span partnerName = new Span(shownCard.partnerName());
            partnerName.setId("card-partner-name");
            partnerName.addClassName("person-name");
            partner.add(partnerName);
            shownCard.partnerTechnical().forEach(person -> partner.add(personBlock(null, null, person)));
        }
        card.add(partner);

        Div services = section("card-services", "support.card.services");
        services.add(new Span(shownCard.services().isEmpty() ? getTranslation("support.card.none")
                : String.join(", ", shownCard.services())));
        card.add(services);

        Div changes = section("card-changes", "support.card.changes");
        if (shownCard.lastChanges().isEmpty()) {
            changes.add(new Span(getTranslation("support.card.no-changes")));
        }
        for (CardChange change : shownCard.lastChanges()) {
            Paragraph line = new Paragraph(dateTime(change) + " · " + getTranslation("audit.kind." + change.kind())
                    + " · " + change.actorIn(this::getTranslation));
            line.addClassName("change-line");
            changes.add(line);
        }
        card.add(changes);

        String summary = shownCard.plainText((key, args) -> getTranslation(key, args));
        TextArea text = new TextArea(getTranslation("support.card.summary"));
        text.setId("card-summary");
        text.setValue(summary);
        text.setReadOnly(true);
        text.setWidthFull();
        Button copySummary = copyButton("copy-summary", summary, "support.card.copy-summary");
        Button print = new Button(getTranslation("support.card.print"), VaadinIcon.PRINT.create(),
                click -> getElement().executeJs("window.print()"));
        print.setId("print-card");
        print.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Div summaryButtons = new Div(copySummary, print);
        summaryButtons.addClassName("section-buttons");
        Div summarySection = section("card-summary-section", "support.card.summary-section");
        summarySection.add(text, summaryButtons);
        card.add(summarySection);
        title.getElement().setAttribute("tabindex", "-1");
        title.getElement().callJsFunction("focus");
    }

    private Div section(String id, String titleKey) {
        Div section = new Div(new H4(getTranslation(titleKey)));
        section.setId(id);
        section.addClassName("card-block");
        return section;
    }

    private Component personBlock(String id, String labelKey, CardPerson person) {
        Div block = new Div();
        block.addClassName("person-block");
        if (id != null) {
            block.setId(id);
        }
        if (labelKey != null) {
            block.add(label(labelKey));
        }
        if (person == null) {
            block.add(new Span(getTranslation("support.card.none")));
            return block;
        }
        Span name = new Span(person.name());
        name.addClassName("person-name");
        block.add(name);
        if (person.jobTitle() != null) {
            Span title = new Span(person.jobTitle());
            title.addClassName("person-detail");
            block.add(title);
        }
        Div reach = new Div();
        reach.addClassName("reach");
        if (person.phone() != null) {
            String readable = PhoneNumbers.readable(person.phone());
            reach.add(phoneLink(person.phone(), readable), copyButton(null, readable, "support.card.copy-phone"));
        } else {
            reach.add(new Span(getTranslation("support.card.no-phone")));
        }
        if (person.email() != null) {
            Anchor mail = new Anchor("mailto:" + person.email(), person.email());
            mail.addClassName("reach-link");
            reach.add(mail, copyButton(null, person.email(), "support.card.copy-email"));
        }
        block.add(reach);
        if (person.language() != null) {
            Span language = new Span(getTranslation("support.card.language",
                    Locale.forLanguageTag(person.language()).getDisplayLanguage(getLocale())));
            language.addClassName("person-detail");
            block.add(language);
        }
        return block;
    }

    private Anchor phoneLink(String dial, String shownAs) {
        Anchor call = new Anchor("tel:" + dial.replaceAll("[^+\\d]", ""), shownAs);
        call.addClassName("reach-link");
        call.addComponentAsFirst(VaadinIcon.PHONE.create());
        return call;
    }

    private Button copyButton(String id, String value, String labelKey) {
        Button copy = new Button(VaadinIcon.COPY.create(), click -> {
            click.getSource().getElement().executeJs("navigator.clipboard.writeText($0)", value);
            Notices.info(getTranslation("support.card.copied"));
        });
        if (id != null) {
            copy.setId(id);
            copy.setText(getTranslation(labelKey));
        }
        copy.setAriaLabel(getTranslation(labelKey) + ": " + value);
        copy.setTooltipText(getTranslation(labelKey));
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return copy;
    }

    private Span label(String key) {
        Span label = new Span(getTranslation(key));
        label.addClassName("fact-label");
        return label;
    }

    private String date(java.time.Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(Moments.zone()).format(instant);
    }

    private String dateTime(CardChange change) {
        return Moments.dateTime(change.when(), getLocale());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("support.title");
    }
}
