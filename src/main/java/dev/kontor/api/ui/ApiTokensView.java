package dev.kontor.api.ui;

import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.Moments;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import dev.kontor.api.ApiScope;
import dev.kontor.api.ApiTokenRow;
import dev.kontor.api.ApiTokens;
import dev.kontor.api.IssuedToken;
import dev.kontor.api.TokenIssuer;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.Notices;
import dev.kontor.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

/**
 * The API tokens of the organizations the person may issue them for (their partner as its legal representative, the
 * provider as its administrator): issue one (its secret is shown once, to copy), see when each was last used, and
 * revoke it.
 */
@Route("api-tokens")
@Menu(title = "nav.api-tokens", order = 95, icon = "vaadin:key")
@RolesAllowed({Roles.PROVIDER_ADMINISTRATOR, Roles.LEGAL_REPRESENTATIVE})
public class ApiTokensView extends VerticalLayout implements HasDynamicTitle {


    private final ApiTokens tokens;
    private final Clock clock;
    private final Select<TokenIssuer> organization = new Select<>();
    private final Paragraph intro = new Paragraph();
    private final Grid<ApiTokenRow> grid = new Grid<>();
    private final TextField name = new TextField();
    private final RadioButtonGroup<ApiScope> scope = new RadioButtonGroup<>();
    private final DatePicker expiresOn = new DatePicker();
    private final com.vaadin.flow.component.html.Div actions = new com.vaadin.flow.component.html.Div();

    public ApiTokensView(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
        setId("api-tokens-view");
        add(new com.vaadin.flow.component.html.H2(getTranslation("api.tokens.title")));
        List<TokenIssuer> issuers = tokens.issuers();
        if (issuers.isEmpty()) {
            Paragraph why = tokens.partnerSuspended()
                    ? new Paragraph(getTranslation("api.tokens.partner-suspended"))
                    : new Paragraph(getTranslation("api.tokens.none-allowed"));
            why.setId(tokens.partnerSuspended() ? "api-tokens-partner-suspended" : "api-tokens-none-allowed");
            add(why);
            return;
        }
        organization.setId("api-token-organization");
        organization.setLabel(getTranslation("api.tokens.organization"));
        organization.setItems(issuers);
        organization.setItemLabelGenerator(TokenIssuer::name);
        organization.setValue(issuers.getFirst());
        organization.setVisible(issuers.size() > 1);
        organization.addValueChangeListener(event -> refresh());

        add(organization, intro, newTokenForm(), actions, grid());
        // on a phone one column tells the whole token, beside its Revoke: no column is cut off at the edge
        dev.kontor.base.ui.WindowWidth.follow(this, this::fitColumns);
        FormRules.explainConstraints(this);
        refresh();
    }

    private FormLayout newTokenForm() {
        name.setId("api-token-name");
        name.setLabel(getTranslation("api.tokens.name"));
        name.setMaxLength(ApiTokens.NAME_MAX_LENGTH);
        name.setRequiredIndicatorVisible(true);
        // the service says when the name is missing, next to the field; the field judging itself would mark the
        // emptied field red as soon as a token was created
        name.setManualValidation(true);
        name.addValueChangeListener(event -> {
            if (!event.getValue().isBlank()) {
                name.setInvalid(false);
            }
        });
        scope.setId("api-token-scope");
        scope.setLabel(getTranslation("api.tokens.scope"));
        scope.setItems(ApiScope.values());
        scope.setItemLabelGenerator(s -> getTranslation("api.scope." + s));
        scope.setValue(ApiScope.READ);
        // the days of the person's own zone: "until 31 December" ends when that day ends where they are
        ZoneId zone = Moments.zone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        expiresOn.setId("api-token-expires-on");
        expiresOn.setLabel(getTranslation("api.tokens.expires-on"));
        expiresOn.setHelperText(getTranslation("api.tokens.expires-on.zone",
                zone.getDisplayName(java.time.format.TextStyle.FULL, getLocale())));
        expiresOn.setMin(today);
        expiresOn.setMax(today.plusDays(ApiTokens.MAX_DAYS - 1));
        expiresOn.setValue(today.plusDays(90));
        expiresOn.setRequiredIndicatorVisible(true);
        Button create = new Button(getTranslation("api.tokens.create"), new com.vaadin.flow.component.icon.Icon(
                VaadinIcon.KEY), click -> create());
        create.setId("api-token-create");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // in a box of its own the button keeps its natural width and some room above, instead of stretching across
        // the form's column and touching the date field on a phone
        actions.add(create);
        // like a form's main button: Enter in the name creates the token
        create.addClickShortcut(Key.ENTER).listenOn(name);
        actions.setId("api-token-actions");
        actions.addClassName("form-actions");
        // the button sits below the form, not in its last cell: on a phone the date field's overlay and error line
        // then open over the form's own space instead of over the button
        FormLayout form = new FormLayout(name, scope, expiresOn);
        form.setId("api-token-form");
        return form;
    }

    private Grid<ApiTokenRow> grid() {
        grid.setId("api-tokens");
        grid.addThemeVariants(GridVariant.LUMO_NO_BORDER);
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ApiTokenRow::name).setHeader(getTranslation("api.tokens.name")).setKey("name").setFlexGrow(2);
        grid.addColumn(row -> getTranslation("api.scope." + row.scope())).setHeader(getTranslation("api.tokens.scope"))
                .setKey("scope");
        grid.addColumn(row -> getTranslation("api.tokens.state." + state(row)))
                .setHeader(getTranslation("api.tokens.state")).setKey("state");
        grid.addColumn(this::expiry)
                .setHeader(getTranslation("api.tokens.expires-on")).setKey("expires");
        grid.addColumn(row -> lastUsed(row)).setHeader(getTranslation("api.tokens.last-used"))
                .setKey("last-used");
        grid.addComponentColumn(row -> {
            com.vaadin.flow.component.html.Div cell = new com.vaadin.flow.component.html.Div();
            // one part a line, with a space between the parts: read aloud or copied they do not run together
            java.util.List<com.vaadin.flow.component.html.Span> lines = java.util.List.of(
                    line(row.name(), "cell-title"),
                    line(getTranslation("api.scope." + row.scope()) + " · "
                            + getTranslation("api.tokens.state." + state(row)), "cell-detail"),
                    line(getTranslation("api.tokens.expires-on") + ": " + expiry(row),
                            "cell-detail"),
                    line(getTranslation("api.tokens.last-used") + ": " + lastUsed(row), "cell-detail"));
            for (com.vaadin.flow.component.html.Span line : lines) {
                if (cell.getElement().getChildCount() > 0) {
                    cell.getElement().appendChild(com.vaadin.flow.dom.Element.createText(" "));
                }
                cell.add(line);
            }
            cell.addClassName("stacked-cell");
            return cell;
        }).setHeader(getTranslation("api.tokens.token")).setKey("token").setFlexGrow(1).setVisible(false);
        grid.addColumn(new ComponentRenderer<>(row -> {
            Button revoke = new Button(getTranslation("api.tokens.revoke"), click -> askRevoke(row));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.setId("api-token-revoke-" + row.id());
            // the visible word first, then the token: each row's button says which token it revokes (WCAG 2.5.3)
            revoke.getElement().setAttribute("aria-label",
                    dev.kontor.base.ui.LabelInName.of(getTranslation("api.tokens.revoke"), row.name()));
            revoke.setVisible(row.revokedAt() == null && row.activeAt(clock.instant()));
            return revoke;
        })).setKey("revoke").setWidth("8em").setFlexGrow(0);
        grid.setEmptyStateText(getTranslation("api.tokens.none-yet"));
        return grid;
    }

    /**
     * The last moment the token works, in the reader's zone and naming it: a token's day ends where its issuer was,
     * which is not every reader's midnight.
     */
    private String expiry(ApiTokenRow row) {
        return Moments.dayAndTimeNamingZone(row.expiresAt().minusSeconds(1), getLocale());
    }

    private String lastUsed(ApiTokenRow row) {
        // to the minute: seconds tell an administrator nothing about whether a token is still in use
        return row.lastUsedAt() == null ? getTranslation("api.tokens.never-used")
                : Moments.dayAndTime(row.lastUsedAt(), getLocale());
    }

    private static com.vaadin.flow.component.html.Span line(String text, String className) {
        com.vaadin.flow.component.html.Span line = new com.vaadin.flow.component.html.Span(text);
        line.addClassName(className);
        return line;
    }

    /** On a phone one column tells the whole token; a wider window gets a column per part. */
    void fitColumns(int windowWidth) {
        boolean narrow = dev.kontor.base.ui.WindowWidth.isNarrow(windowWidth);
        for (String key : List.of("name", "scope", "state", "expires", "last-used")) {
            grid.getColumnByKey(key).setVisible(!narrow);
        }
        grid.getColumnByKey("token").setVisible(narrow);
    }

    private String state(ApiTokenRow row) {
        Instant now = clock.instant();
        return row.revokedAt() != null ? "revoked" : row.activeAt(now) ? "active" : "expired";
    }

    private void refresh() {
        TokenIssuer issuer = organization.getValue();
        intro.setText(getTranslation("api.tokens.intro", issuer.name()));
        grid.setItems(tokens.tokens(issuer.organizationId()));
    }

    private void create() {
        name.setInvalid(false);
        expiresOn.setInvalid(false);
        scope.setInvalid(false);
        if (expiresOn.getValue() == null) {
            // text the picker could not read leaves it empty: say that it is no date, not that the field is empty
            com.vaadin.flow.data.binder.ValidationResult own = expiresOn.getDefaultValidator()
                    .apply(null, new com.vaadin.flow.data.binder.ValueContext(expiresOn));
            if (own.isError()) {
                expiresOn.setErrorMessage(own.getErrorMessage());
                expiresOn.setInvalid(true);
                expiresOn.focus();
                return;
            }
        }
        InputRefusals.of(this).field("name", name).field("scope", scope).field("expiresOn", expiresOn)
                .call(() -> tokens.create(organization.getValue().organizationId(), name.getValue(),
                        scope.getValue(), expiresOn.getValue(), Moments.zone()))
                .ifPresent(issued -> {
                    name.clear();
                    refresh();
                    showSecret(issued);
                });
    }

    /** The one time the secret is shown; closing the dialog forgets it (it is in no field of the view). */
    private void showSecret(IssuedToken issued) {
        Dialog dialog = new Dialog();
        dialog.setId("api-token-secret-dialog");
        dialog.setHeaderTitle(getTranslation("api.tokens.secret.title"));
        TextField secret = new TextField(getTranslation("api.tokens.secret.field"));
        secret.setId("api-token-secret");
        secret.setValue(issued.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        Button copy = new Button(new com.vaadin.flow.component.icon.Icon(VaadinIcon.COPY), click ->
                secret.getElement().executeJs("navigator.clipboard.writeText($0)", issued.secret()));
        copy.setId("api-token-copy");
        copy.setAriaLabel(getTranslation("api.tokens.secret.field"));
        copy.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        secret.setSuffixComponent(copy);
        Button done = new Button(getTranslation("api.tokens.secret.done"), click -> dialog.close());
        done.setId("api-token-secret-done");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new Paragraph(getTranslation("api.tokens.secret.text")), secret);
        dialog.getFooter().add(done);
        // shown only once: Esc or a stray click must not lose it, only the button that says it was copied closes
        dialog.setCloseOnOutsideClick(false);
        dialog.setCloseOnEsc(false);
        FormRules.explainConstraints(dialog);
        DialogKeys.focusOnOpen(dialog, secret);
        dialog.open();
    }

    private void askRevoke(ApiTokenRow row) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("api-token-revoke-dialog");
        dialog.setHeader(getTranslation("api.tokens.revoke"));
        dialog.setText(getTranslation("api.tokens.revoke.question", row.name()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("api.tokens.revoke"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> {
            tokens.revoke(organization.getValue().organizationId(), row.id());
            refresh();
            Notices.success(getTranslation("api.tokens.revoked", row.name()));
        });
        DialogKeys.cancelFirst(dialog);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.api-tokens");
    }
}
