package dev.kontor.audit.ui;

import com.vaadin.flow.component.Component;
import dev.kontor.base.ui.Moments;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.kontor.base.ui.WindowWidth;
import dev.kontor.base.ui.CsvDownload;
import dev.kontor.audit.AuditFilter;
import dev.kontor.audit.AuditOutcome;
import dev.kontor.audit.AuditQueries;
import dev.kontor.audit.AuditReading;
import dev.kontor.audit.AuditRow;
import dev.kontor.base.ui.FormRules;
import dev.kontor.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.List;

/**
 * Who did what, when, where and on whose behalf, with old and new values: for support across the platform, for
 * managers and administrators about their own organizations. Filters and pages run in the database; Export CSV
 * writes exactly the current filter.
 */
@Route("audit")
@Menu(title = "nav.audit", order = 90, icon = "vaadin:records")
@RolesAllowed({Roles.SUPPORT, Roles.MANAGER, Roles.LEGAL_REPRESENTATIVE, Roles.PARTNER_ADMINISTRATOR,
        Roles.TENANT_ADMINISTRATOR, Roles.PROVIDER_ADMINISTRATOR})
public class AuditLogView extends VerticalLayout implements HasDynamicTitle {


    private final AuditQueries audit;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final TextField actor = new TextField();
    private final TextField organization = new TextField();
    private final ComboBox<String> kind = new ComboBox<>();
    private final Grid<AuditRow> grid = new Grid<>();

    public AuditLogView(AuditQueries audit) {
        this.audit = audit;
        setId("audit-log");
        WindowWidth.follow(this, this::fitColumns);
        setSizeFull();
        Paragraph scope = new Paragraph(getTranslation(audit.readsEverything() ? "audit.scope.everything"
                : "audit.scope.own"));
        scope.addClassName("section-explanation");

        from.setId("audit-from");
        from.setLabel(getTranslation("audit.from"));
        from.setValue(LocalDate.now(Moments.zone()).minusDays(30));
        to.setId("audit-to");
        to.setLabel(getTranslation("audit.to"));
        actor.setId("audit-actor");
        actor.setLabel(getTranslation("audit.actor"));
        organization.setId("audit-organization");
        organization.setLabel(getTranslation("audit.organization"));
        kind.setId("audit-kind");
        kind.setLabel(getTranslation("audit.kind"));
        kind.setPlaceholder(getTranslation("audit.kind.any"));
        kind.setItemLabelGenerator(this::kindLabel);
        kind.setItems(audit.readsEverything() ? AuditKinds.sortedBy(this::kindLabel)
                : AuditKinds.sortedBy(this::kindLabel, audit.kindsInOwnLog()::contains));
        kind.setClearButtonVisible(true);
        // wide enough for the longer kinds ("Review of partner rights requested")
        kind.setWidth("19rem");
        kind.addValueChangeListener(event -> refresh());
        for (TextField field : new TextField[] {actor, organization}) {
            field.setClearButtonVisible(true);
            field.setMaxLength(FormRules.FILTER_MAX_LENGTH);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(event -> refresh());
        }
        from.addValueChangeListener(event -> refresh());
        to.addValueChangeListener(event -> refresh());

        Div filters = new Div(from, to, actor, organization, kind, exportLink());
        filters.addClassName("section-buttons");
        FormRules.explainConstraints(filters);

        configureGrid();
        // on a phone the filters fill the screen: the grid keeps room for some rows, and the page scrolls instead
        grid.setMinHeight("24rem");
        add(new H2(getTranslation("nav.audit")), scope, filters, grid);
        setFlexGrow(1, grid);
        refresh();
    }

    private Component exportLink() {
        // the file is written later, outside the UI's lock: its headings' language is the page's when it was built
        java.util.Locale language = getLocale();
        Anchor export = new Anchor(CsvDownload.of("kontor-audit.csv", out -> audit.exportCsv(filter(), out, language)),
                getTranslation("audit.export"));
        export.setId("audit-export");
        export.addClassName("export-link");
        export.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        return export;
    }

    private void configureGrid() {
        grid.setId("audit-events");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        // text columns, a line per part (the page's style sheet keeps the line breaks): a component per cell would keep
        // some twenty elements per row on the server, about 15 KB of every session per row shown
        // who acted belongs with when: a column of its own broke e-mail addresses mid-word on a laptop
        // widths from what the columns hold on a laptop: a moment and an e-mail address, a name with its customer
        // number (which must not break at its hyphen), the kind, the sentence, and before and after (two people by
        // name and address when the contact person changes)
        // the columns that hold e-mail addresses are drawn from a template with a string per row (the same text):
        // an address breaks after its "@" or a dot, as LineBreaks.email does, never inside a word
        grid.addColumn(withAddresses(this::whenAndWho)).setKey("when").setHeader(getTranslation("audit.when-and-who"))
                .setWidth("12rem").setFlexGrow(1);
        grid.addColumn(row -> row.organization() == null ? "" : organization(row))
                .setKey("organization").setHeader(getTranslation("audit.organization"))
                .setWidth("10rem").setFlexGrow(1);
        grid.addColumn(this::kindAndOutcome).setKey("kind").setHeader(getTranslation("audit.kind"))
                .setPartNameGenerator(row -> row.outcome() != AuditOutcome.SUCCESS ? "audit-not-done" : null)
                .setWidth("8rem").setFlexGrow(1);
        // a summary names people by name and address ("Emil Engel (employee@muster-hosting.test) became …") and
        // customers by number: drawn from the same template, so neither breaks at its hyphen
        grid.addColumn(withAddresses(row -> row.summaryIn(reading()))).setKey("summary").setHeader(getTranslation("audit.summary"))
                .setWidth("11rem").setFlexGrow(2);
        grid.addColumn(withAddresses(this::change)).setKey("change").setHeader(getTranslation("audit.change"))
                .setWidth("9rem").setFlexGrow(1);
        // a phone has room for one column: the whole event, line by line
        grid.addColumn(withAddresses(this::wholeEvent)).setKey("event").setHeader(getTranslation("audit.event"))
                .setPartNameGenerator(row -> row.outcome() != AuditOutcome.SUCCESS ? "audit-not-done" : null)
                .setVisible(false);
        grid.setEmptyStateText(getTranslation("audit.empty"));
    }

    /**
     * A cell's text, each e-mail address in it cut after its "@" and its dots ({@code <wbr>}), a part with a hyphen
     * (where the browser would break first) kept whole in a box, as {@link dev.kontor.base.ui.LineBreaks#email} does;
     * a customer number ("Kanzlei Weber (CN-10002) taken over") kept whole; the rest of the text as it is, its line
     * breaks kept by the style sheet. Only boxes and break opportunities are added: the text copies as it reads.
     */
    static final String ADDRESSES_TEMPLATE = "${(item.text || '').split(/([^\\s<>()@]+@[^\\s<>()@]+|CN-[0-9]+)/)"
            + ".map((piece, i) => i % 2 === 0 ? piece : !piece.includes('@') ? "
            + "html`<span class=\"no-break\">${piece}</span>` : piece.split(/(?<=[@.])/).map((part, j, parts) => "
            + "html`${part.includes('-') ? html`<span class=\"email-part\">${part}</span>` : part}${"
            + "j < parts.length - 1 ? html`<wbr>` : ''}`))}";

    private static LitRenderer<AuditRow> withAddresses(ValueProvider<AuditRow, String> text) {
        return LitRenderer.<AuditRow>of(ADDRESSES_TEMPLATE).withProperty("text", text);
    }

    /** When, who acted, and on whose behalf if a partner did: a line each. */
    private String whenAndWho(AuditRow row) {
        String cell = Moments.dateTime(row.occurredAt(), getLocale()) + "\n" + who(row);
        if (row.onBehalfOfUnsaid() != null) {
            cell += "\n" + getTranslation("audit.for", row.onBehalfOfUnsaid());
        }
        return cell;
    }

    /** The organization, and a customer's number on a line of its own: a narrow column never breaks it at its hyphen. */
    private static String organization(AuditRow row) {
        return row.customerNumber() == null ? row.organization()
                : row.organization() + "\n(" + row.customerNumber() + ")";
    }

    /**
     * A person by name and e-mail address, or as a deleted user; Kontor's own jobs act as "system", a word of the log,
     * not an address: said in the reader's language.
     */
    private String who(AuditRow row) {
        return "system".equals(row.actorEmail()) && row.actorUserId() == null ? getTranslation("audit.actor.system")
                : row.actorIn(this::getTranslation);
    }

    private String wholeEvent(AuditRow row) {
        StringBuilder cell = new StringBuilder(whenAndWho(row));
        if (row.organization() != null) {
            cell.append('\n').append(organization(row));
        }
        cell.append('\n').append(kindAndOutcome(row)).append('\n').append(row.summaryIn(reading()));
        String change = change(row);
        if (!change.isEmpty()) {
            cell.append('\n').append(change);
        }
        return cell.toString();
    }

    /** On a phone one column tells the whole event; a wider window gets a column per part. */
    void fitColumns(int windowWidth) {
        boolean narrow = WindowWidth.isNarrow(windowWidth);
        for (String key : List.of("when", "organization", "kind", "summary", "change")) {
            grid.getColumnByKey(key).setVisible(!narrow);
        }
        grid.getColumnByKey("event").setVisible(narrow);
    }

    /**
     * The kind, and on a line of its own what came of it unless it was done (the cell then marked by the style sheet)
     * or the kind says it already ("Access refused" needs no "Refused" below it); no code on hover:
     * ACCESS_SESSION_STARTED means nothing to a reader, and the label says it already.
     */
    private String kindAndOutcome(AuditRow row) {
        String kind = kindLabel(row.kind());
        return row.outcome() == AuditOutcome.SUCCESS || kindSaysOutcome(row.kind(), row.outcome()) ? kind
                : kind + "\n" + getTranslation("audit.outcome." + row.outcome());
    }

    /** Whether the kind's code, and so its label, names the outcome already: ACCESS_DENIED, SIGN_IN_FAILED. */
    static boolean kindSaysOutcome(String kind, AuditOutcome outcome) {
        return switch (outcome) {
            case DENIED -> kind.endsWith("_DENIED") || kind.endsWith("_REFUSED");
            case FAILED -> kind.endsWith("_FAILED");
            case SUCCESS -> false;
        };
    }

    /** The kind in the reader's language; a kind without a text (a feature's newest) shows as its code. */
    private String kindLabel(String kind) {
        String key = "audit.kind." + kind;
        String label = getTranslation(key);
        return label.contains(key) ? kind : label;
    }

    /**
     * How this reader is told an event: in their language, with moments (an invitation's "valid until") in their
     * locale and the time zone of the When column, named as that column names it when it is Kontor's own zone rather
     * than the browser's.
     */
    private AuditReading reading() {
        return new AuditReading(this::getTranslation, at -> Moments.dateTime(at, getLocale()));
    }

    /**
     * Before and after, with a person said by name and e-mail (or as a deleted user), never by id, a role or state in
     * words and a moment as date and time.
     */
    private String change(AuditRow row) {
        if (row.oldValue() == null && row.newValue() == null) {
            return "";
        }
        String before = row.oldValueIn(reading());
        String after = row.newValueIn(reading());
        return (before == null ? "—" : before) + " → " + (after == null ? "—" : after);
    }

    private AuditFilter filter() {
        return new AuditFilter(from.getValue() == null ? null : from.getValue().atStartOfDay(Moments.zone()).toInstant(),
                to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay(Moments.zone()).toInstant(),
                actor.getValue(), organization.getValue(), kind.getValue() == null ? "" : kind.getValue());
    }

    private void refresh() {
        AuditFilter current = filter();
        grid.setItems(query -> audit.rows(current, org.springframework.data.domain.PageRequest.of(query.getPage(),
                        query.getPageSize())).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, audit.count(current)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.audit");
    }
}
