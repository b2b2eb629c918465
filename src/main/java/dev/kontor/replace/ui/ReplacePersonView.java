package dev.kontor.replace.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridLazyDataView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import dev.kontor.base.ui.CsvDownload;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.LineBreaks;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.base.ui.WindowWidth;
import dev.kontor.replace.Outcome;
import dev.kontor.replace.Place;
import dev.kontor.replace.PersonReplacement;
import dev.kontor.replace.PreparedReplacement;
import dev.kontor.replace.ReplacementItem;
import dev.kontor.replace.ReplacementProgress;
import dev.kontor.replace.StartedReplacement;
import dev.kontor.user.Roles;
import dev.kontor.user.UserAccount;
import jakarta.annotation.security.RolesAllowed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;

/**
 * Replace a person everywhere: the leaving person's address and the successor's (none: offboarding), a preview of
 * every place the leaving person holds in the organizations the signed-in person may change, paged from the database
 * with what will happen at each, ticks for what to apply, and the job's progress and summary once applied. The
 * service decides everything; this page only shows it and passes the ticks on.
 */
@Route("replace-person")
@Menu(title = "nav.replace-person", order = 20, icon = "vaadin:exchange")
@RolesAllowed({Roles.MANAGER, Roles.TENANT_ADMINISTRATOR, Roles.LEGAL_REPRESENTATIVE, Roles.PARTNER_ADMINISTRATOR})
public class ReplacePersonView extends VerticalLayout implements HasDynamicTitle {

    /** How often the page asks how far the job has got while it runs. */
    static final int POLL_MILLIS = 1000;

    private final transient PersonReplacement replacement;

    private final EmailField leaving = new EmailField();
    private final EmailField successor = new EmailField();
    private final Paragraph emptyState = new Paragraph();
    private final Span who = new Span();
    private final Span counts = new Span();
    private final Span ticked = new Span();
    private final Button selectAll = new Button();
    private final Button apply = new Button();
    private final Div actions = new Div();
    private final ProgressBar bar = new ProgressBar();
    private final Span progressText = new Span();
    private final Div progressArea = new Div();
    private final Div summaryArea = new Div();
    private final Grid<ReplacementItem> grid = new Grid<>();
    private GridLazyDataView<ReplacementItem> rows;

    /** The preview shown, with the successor it was prepared for; empty before the first preview. */
    private PreparedReplacement prepared;
    private String preparedSuccessor;
    private String preparedLeaving;
    private ReplacementProgress.State state = ReplacementProgress.State.PREVIEW;
    private boolean narrow;
    private Registration polling;

    public ReplacePersonView(PersonReplacement replacement) {
        this.replacement = replacement;
        setId("replace-person-view");
        Paragraph intro = new Paragraph(getTranslation("replace.intro"));
        add(new H2(getTranslation("replace.title")), intro, form());

        emptyState.setId("replacement-empty");
        emptyState.addClassName("empty-state");
        emptyState.setText(getTranslation("replace.empty.start"));
        who.setId("replacement-who");
        counts.setId("replacement-counts");
        ticked.setId("replacement-ticked");

        selectAll.setText(getTranslation("replace.select-all"));
        selectAll.setId("select-all-places");
        selectAll.addClickListener(click -> selectAll());
        apply.setText(getTranslation("replace.apply"));
        apply.setIcon(VaadinIcon.CHECK.create());
        apply.setId("apply-replacement");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        SlowAction.on(apply, this::apply);
        actions.addClassName("next-steps");
        // the count of ticks reads on the buttons' line, not above it
        actions.getStyle().set("align-items", "center");
        actions.add(selectAll, apply, ticked);

        progressArea.setId("replacement-progress");
        bar.setId("replacement-progress-bar");
        bar.getElement().setAttribute("aria-labelledby", "replacement-progress-text");
        progressText.setId("replacement-progress-text");
        // a screen reader hears the progress and the end without moving there
        progressText.getElement().setAttribute("aria-live", "polite");
        progressArea.add(bar, progressText);
        progressArea.setWidthFull();
        summaryArea.setId("replacement-summary");
        summaryArea.addClassName("next-steps");

        configureGrid();
        Div facts = new Div(who, counts);
        facts.addClassName("stacked-cell");
        add(emptyState, facts, actions, progressArea, summaryArea, grid);
        setFlexGrow(1, grid);
        showPreview(false);
        WindowWidth.follow(this, this::fitColumns);
        FormRules.explainConstraints(this);
        // a job keeps running when the person leaves the page: coming back shows it again
        replacement.latestStarted().ifPresent(this::resume);
    }

    private void resume(StartedReplacement job) {
        leaving.setValue(job.leavingEmail());
        successor.setValue(job.successorEmail() == null ? "" : job.successorEmail());
        preparedLeaving = job.leavingEmail();
        preparedSuccessor = job.successorEmail();
        prepared = new PreparedReplacement(job.id(), replacement.count(job.id()), 0, 0, 0);
        bindRows();
        state = ReplacementProgress.State.RUNNING;
        showPreview(true);
        // the counts by outcome belong to the preview; what was ticked and how far it got is what counts now
        counts.setVisible(false);
        apply.setEnabled(false);
        selectAll.setEnabled(false);
        ticked.setText(getTranslation("replace.ticked", job.progress().selected()));
        show(job.progress());
    }

    private void bindRows() {
        long id = prepared.id();
        rows = grid.setItems(query -> replacement.items(id, PageRequest.of(query.getPage(), query.getPageSize()))
                .stream(), query -> (int) Math.min(Integer.MAX_VALUE, replacement.count(id)));
        rows.setIdentifierProvider(ReplacementItem::id);
    }

    private FormLayout form() {
        leaving.setId("leaving-email");
        leaving.setLabel(getTranslation("replace.leaving"));
        leaving.setRequiredIndicatorVisible(true);
        leaving.setMaxLength(UserAccount.EMAIL_MAX_LENGTH);
        leaving.setClearButtonVisible(true);
        successor.setId("successor-email");
        successor.setLabel(getTranslation("replace.successor"));
        successor.setHelperText(getTranslation("replace.successor.helper"));
        successor.setMaxLength(UserAccount.EMAIL_MAX_LENGTH);
        successor.setClearButtonVisible(true);
        Button show = new Button(getTranslation("replace.prepare"), VaadinIcon.SEARCH.create());
        show.setId("prepare-replacement");
        SlowAction.on(show, this::prepare);
        Div buttons = new Div(show);
        buttons.addClassName("form-actions");
        FormLayout form = new FormLayout(leaving, successor, buttons);
        form.setId("replacement-form");
        form.setWidthFull();
        return form;
    }

    private void configureGrid() {
        grid.setId("replacement-preview");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addComponentColumn(this::tick).setKey("tick").setHeader(getTranslation("replace.column.apply"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(item -> LineBreaks.customer(item.organizationName(), item.customerNumber()))
                .setKey("organization").setHeader(getTranslation("replace.column.organization")).setFlexGrow(2);
        grid.addColumn(this::placeText).setKey("place").setHeader(getTranslation("replace.column.place"))
                .setFlexGrow(2);
        grid.addColumn(this::outcomeText).setKey("outcome").setHeader(getTranslation("replace.column.outcome"))
                .setFlexGrow(4);
        grid.addColumn(this::resultText).setKey("result").setHeader(getTranslation("replace.column.result"))
                .setFlexGrow(3).setVisible(false);
        // a phone has room for the tick and one column: the whole place, line by line
        grid.addComponentColumn(this::wholePlace).setKey("whole").setHeader(getTranslation("replace.column.place"))
                .setFlexGrow(1).setVisible(false);
        // on a phone the form fills the screen: the grid keeps room for some rows, and the page scrolls instead
        grid.setMinHeight("20rem");
    }

    private Component tick(ReplacementItem item) {
        Checkbox box = new Checkbox(item.selected());
        box.setId("tick-" + item.id());
        box.setAriaLabel(getTranslation("replace.tick", placeText(item), item.organizationName()));
        // refused places cannot be ticked (the service refuses them too); nothing is ticked once applying started
        box.setEnabled(item.outcome() != Outcome.REFUSED && state == ReplacementProgress.State.PREVIEW);
        box.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                tick(item, change.getValue());
            }
        });
        return box;
    }

    private void tick(ReplacementItem item, boolean selected) {
        int now = replacement.select(prepared.id(), item.id(), selected);
        rows.refreshItem(new ReplacementItem(item.id(), item.organizationId(), item.organizationName(),
                item.organizationKind(), item.customerNumber(), item.place(), item.role(), item.contactTypes(),
                item.version(), item.outcome(), item.refusal(), selected, item.result(), item.resultMessage()));
        showTicked(now);
    }

    private Component wholePlace(ReplacementItem item) {
        Span organization = LineBreaks.customer(item.organizationName(), item.customerNumber());
        organization.addClassName("cell-title");
        Div cell = new Div(organization, line("cell-detail", placeText(item)), line(null, outcomeText(item)));
        if (item.result() != null || state == ReplacementProgress.State.FINISHED) {
            cell.add(line("cell-title", resultText(item)));
        }
        cell.addClassName("stacked-cell");
        return cell;
    }

    private static Span line(String className, String text) {
        Span line = new Span(text);
        if (className != null) {
            line.addClassName(className);
        }
        return line;
    }

    String placeText(ReplacementItem item) {
        String place = getTranslation("replace.place." + item.place());
        if (item.place() == Place.PARTNER_STAFF && item.role() != null) {
            return place + ": " + getTranslation("membership.role." + item.role());
        }
        if (item.place() == Place.CONTACT && !item.contactTypes().isEmpty()) {
            return place + ": " + item.contactTypes().stream().sorted()
                    .map(type -> getTranslation("contact.type." + type)).collect(Collectors.joining(", "));
        }
        return place;
    }

    /** What will happen, in words; the successor is named once above the grid, not in every row. */
    String outcomeText(ReplacementItem item) {
        if (item.outcome() == Outcome.REFUSED) {
            return getTranslation("replace.refusal." + item.refusal());
        }
        if (item.outcome() == Outcome.REMOVE && item.place() == Place.DEPUTY && preparedSuccessor != null) {
            return getTranslation("replace.outcome.REMOVE.DEPUTY.successor-is-contact-person");
        }
        return getTranslation("replace.outcome." + item.outcome() + "." + item.place());
    }

    String resultText(ReplacementItem item) {
        if (item.result() == null) {
            return getTranslation(item.selected() ? "replace.result.pending" : "replace.result.not-ticked");
        }
        if (item.result() == ReplacementItem.Result.DONE) {
            return getTranslation("replace.result.DONE");
        }
        return getTranslation("replace.result.REFUSED", getTranslation(item.resultMessage() == null
                ? "replace.failed" : item.resultMessage()));
    }

    /** On a phone the tick and one column tell the whole place; a wider window gets a column per part. */
    void fitColumns(int windowWidth) {
        narrow = WindowWidth.isNarrow(windowWidth);
        for (String key : List.of("organization", "place", "outcome")) {
            grid.getColumnByKey(key).setVisible(!narrow);
        }
        grid.getColumnByKey("result").setVisible(!narrow && state == ReplacementProgress.State.FINISHED);
        grid.getColumnByKey("whole").setVisible(narrow);
    }

    private boolean prepare() {
        leaving.setInvalid(false);
        successor.setInvalid(false);
        stopPolling();
        InputRefusals refusals = InputRefusals.of(this).field("leaving", leaving).field("successor", successor);
        if (!refusals.run(() -> prepared = replacement.prepare(leaving.getValue(), successor.getValue()))) {
            return false;
        }
        preparedLeaving = leaving.getValue().strip();
        preparedSuccessor = successor.getValue().isBlank() ? null : successor.getValue().strip();
        state = ReplacementProgress.State.PREVIEW;
        summaryArea.removeAll();
        progressArea.setVisible(false);
        bindRows();
        fitColumns(narrow ? 1 : 0);
        showPreview(true);
        // the same button prepares the next preview
        return false;
    }

    private void showPreview(boolean shown) {
        boolean any = shown && prepared.places() > 0;
        grid.setVisible(any);
        who.setVisible(any);
        counts.setVisible(any);
        actions.setVisible(any);
        progressArea.setVisible(false);
        emptyState.setVisible(!any);
        if (!shown) {
            return;
        }
        if (!any) {
            emptyState.setText(getTranslation("replace.empty.none", preparedLeaving));
            return;
        }
        who.setText(preparedSuccessor == null ? getTranslation("replace.who.offboarding", preparedLeaving)
                : getTranslation("replace.who", preparedLeaving, preparedSuccessor));
        counts.setText(getTranslation("replace.counts", prepared.places(), prepared.replaceable(),
                prepared.removable(), prepared.refused()));
        boolean applicable = prepared.replaceable() + prepared.removable() > 0;
        selectAll.setVisible(applicable);
        apply.setVisible(applicable);
        if (!applicable) {
            ticked.setText(getTranslation("replace.nothing-applicable"));
            return;
        }
        showTicked(0);
    }

    private void showTicked(int count) {
        ticked.setText(getTranslation("replace.ticked", count));
        apply.setEnabled(count > 0 && state == ReplacementProgress.State.PREVIEW);
        selectAll.setEnabled(state == ReplacementProgress.State.PREVIEW);
    }

    private void selectAll() {
        int count = replacement.selectAll(prepared.id());
        rows.refreshAll();
        showTicked(count);
    }

    private boolean apply() {
        ReplacementProgress progress = replacement.apply(prepared.id());
        state = progress.state();
        selectAll.setEnabled(false);
        rows.refreshAll();
        show(progress);
        follow();
        // applied once: the button stays off
        return true;
    }

    private void follow() {
        stopPolling();
        getUI().ifPresent(ui -> {
            ui.setPollInterval(POLL_MILLIS);
            polling = ui.addPollListener(poll -> refreshProgress());
        });
    }

    /** Reads how far the job has got; the page asks every second while the job runs. */
    void refreshProgress() {
        if (prepared == null) {
            return;
        }
        show(replacement.progress(prepared.id()));
    }

    private void show(ReplacementProgress progress) {
        progressArea.setVisible(true);
        int worked = progress.done() + progress.refused();
        bar.setValue(progress.selected() == 0 ? 1 : (double) worked / progress.selected());
        if (!progress.finished()) {
            progressText.setText(getTranslation("replace.progress.running", worked, progress.selected()));
            return;
        }
        boolean justFinished = state != ReplacementProgress.State.FINISHED;
        state = ReplacementProgress.State.FINISHED;
        stopPolling();
        progressText.setText(getTranslation("replace.progress.finished", progress.done(), progress.refused()));
        if (justFinished) {
            SlowAction.stop(apply);
            apply.setEnabled(false);
            // done: what is left to do is the summary, not the buttons that started it
            apply.setVisible(false);
            selectAll.setVisible(false);
            fitColumns(narrow ? 1 : 0);
            rows.refreshAll();
            summaryArea.removeAll();
            summaryArea.add(summaryLink(), again());
            if (progress.refused() > 0) {
                summaryArea.addComponentAsFirst(line("empty-state", getTranslation("replace.summary.refused-hint")));
            }
        }
    }

    private Component summaryLink() {
        long id = prepared.id();
        java.util.Locale language = getLocale();
        Anchor csv = new Anchor(CsvDownload.of("kontor-replacement-" + id + ".csv", out -> {
            try {
                replacement.summaryCsv(id, out, language);
            } catch (IOException broken) {
                throw new UncheckedIOException(broken);
            }
        }), getTranslation("replace.summary-csv"));
        csv.setId("replacement-summary-csv");
        csv.addClassName("export-link");
        csv.addComponentAsFirst(VaadinIcon.DOWNLOAD.create());
        return csv;
    }

    private Component again() {
        Button again = new Button(getTranslation("replace.again"), click -> {
            prepared = null;
            state = ReplacementProgress.State.PREVIEW;
            leaving.clear();
            successor.clear();
            leaving.setInvalid(false);
            summaryArea.removeAll();
            SlowAction.ready(apply);
            emptyState.setText(getTranslation("replace.empty.start"));
            showPreview(false);
            leaving.focus();
        });
        again.setId("replace-another");
        return again;
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        if (state == ReplacementProgress.State.RUNNING) {
            follow();
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopPolling();
        super.onDetach(detachEvent);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.replace-person");
    }
}
