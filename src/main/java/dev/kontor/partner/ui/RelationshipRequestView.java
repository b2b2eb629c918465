package dev.kontor.partner.ui;

import com.vaadin.flow.component.button.Button;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.Moments;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.base.ui.DialogKeys;
import dev.kontor.base.SignedInPerson;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.LanguageSwitch;
import dev.kontor.base.ui.PublicPage;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.AnswerPath;
import dev.kontor.partner.RelationshipAnswers;
import dev.kontor.partner.RequestPreview;
import dev.kontor.security.ui.SecurityNavigation;
import dev.kontor.user.PasswordPolicy;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Set;

/**
 * The page a partner request link opens, without sign-in: which partner asks for which rights on which customer
 * account. A manager of the account ticks the rights to grant (the requested ones are ticked) and accepts, or
 * declines. A new manager, whose account the partner created with the request, chooses their first password here;
 * anyone else answers signed in: the "Sign in to answer" link leads through sign-in back to this page. The service
 * decides who may answer; this page only shows the way. An expired, answered, withdrawn or forged link gets a page
 * that says so.
 */
@Route(value = RelationshipRequestView.ROUTE, autoLayout = false)
@AnonymousAllowed
public class RelationshipRequestView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "partner-request/:token";

    private final RelationshipAnswers answers;
    private final PasswordPolicy passwordPolicy;
    private final AuthenticationContext authentication;

    public RelationshipRequestView(RelationshipAnswers answers, PasswordPolicy passwordPolicy,
                                   AuthenticationContext authentication, LanguageSwitch languageSwitch) {
        super(languageSwitch);
        this.answers = answers;
        this.passwordPolicy = passwordPolicy;
        this.authentication = authentication;
        content.addClassName("partner-request-card");
    }

    /** The address of the page for a token. */
    static String pathFor(String token) {
        return "partner-request/" + token;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        RequestPreview preview = answers.preview(token);
        if (!preview.isOpen()) {
            event.rerouteToError(new ClosedRequest(preview.state()), preview.state().name());
            return;
        }
        show(token, preview);
    }

    private void show(String token, RequestPreview preview) {
        content.removeAll();
        Paragraph intro = new Paragraph(keepingNumberWhole(getTranslation("partner-answer.intro",
                preview.partnerName(), preview.customerLabel()), preview));
        intro.setId("partner-request-text");
        intro.addClassName("partner-request-intro");
        Paragraph sentTo = new Paragraph(getTranslation("partner-answer.sent-to", preview.addresseeEmail(),
                Moments.dateTime(preview.expiresAt(), getLocale())));
        sentTo.addClassName("section-explanation");
        content.add(new H2(getTranslation("partner-answer.title")), intro, sentTo);

        AnswerPath path = preview.answerPath();
        if (path == AnswerPath.SIGN_IN || path == AnswerPath.SIGNED_IN_OTHER) {
            showWayToAnswer(token, preview, path);
            return;
        }
        if (path == AnswerPath.SIGNED_IN_MANAGER || path == AnswerPath.SIGNED_IN_INVITEE) {
            String me = authentication.getAuthenticatedUser(SignedInPerson.class).map(SignedInPerson::displayName)
                    .orElse("");
            // someone only invited is no manager yet: the page says so, and that accepting makes them one
            Paragraph answerAs = new Paragraph(keepingNumberWhole(getTranslation(path == AnswerPath.SIGNED_IN_MANAGER
                    ? "partner-answer.answer-as" : "partner-answer.answer-as-invited", me, preview.customerLabel()),
                    preview));
            answerAs.setId("answer-as");
            content.add(answerAs);
        }
        Paragraph explanation = new Paragraph(getTranslation("partner-answer.rights.explanation"));
        explanation.addClassName("section-explanation");
        RightsChoice rights = new RightsChoice(getTranslation("partner-answer.rights"), preview.requestedRights());
        content.add(explanation, rights);

        PasswordField password = new PasswordField(getTranslation("partner-answer.password"));
        PasswordField repeat = new PasswordField(getTranslation("partner-answer.password-repeat"));
        if (path == AnswerPath.SET_PASSWORD) {
            content.add(new Paragraph(getTranslation("partner-answer.password.intro", preview.addresseeEmail())));
            passwordFields(preview, password, repeat);
            content.add(password, repeat);
            FormRules.explainConstraints(content);
        }

        Button accept = new Button(getTranslation(path == AnswerPath.SET_PASSWORD
                ? "partner-answer.accept-with-password" : "partner-answer.accept"));
        accept.setId("accept-request");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        SlowAction.on(accept, () -> accept(token, preview, rights.chosen(), path, password, repeat));
        Button decline = new Button(getTranslation("partner-answer.decline"), click -> confirmDecline(token, preview));
        decline.setId("decline-request");
        decline.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        Div buttons = new Div(accept, decline);
        buttons.addClassName("section-buttons");
        content.add(buttons);
    }

    /** Nobody may answer as things are: say how (sign in), or why not (signed in as someone else). */
    private void showWayToAnswer(String token, RequestPreview preview, AnswerPath path) {
        Paragraph requested = new Paragraph(getTranslation("partner-answer.rights.requested") + ": "
                + RightTags.text(preview.requestedRights(), this::getTranslation));
        requested.setId("requested-rights");
        content.add(requested);
        if (path == AnswerPath.SIGN_IN) {
            Paragraph how = new Paragraph(keepingNumberWhole(getTranslation("partner-answer.sign-in.intro",
                    preview.customerLabel()), preview));
            how.setId("sign-in-hint");
            // a page that requires sign-in: Vaadin's access control sends a signed-out visitor to the sign-in page
            // and, once signed in, back to it; it then forwards here
            Anchor signIn = new Anchor(RelationshipRequestSignIn.pathFor(token),
                    getTranslation("partner-answer.sign-in"));
            signIn.setId("sign-in-to-answer");
            signIn.addClassName("primary-link");
            content.add(how, signIn);
        } else {
            String me = authentication.getAuthenticatedUser(SignedInPerson.class).map(SignedInPerson::email)
                    .orElse("");
            Paragraph why = new Paragraph(keepingNumberWhole(getTranslation("partner-answer.other.intro", me,
                    preview.customerLabel()), preview));
            why.setId("not-a-manager");
            why.addClassName("hint");
            content.add(why);
        }
    }

    private void passwordFields(RequestPreview preview, PasswordField password, PasswordField repeat) {
        password.setId("new-password");
        password.setHelperText(getTranslation("partner-answer.password.help", PasswordPolicy.MIN_LENGTH));
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setRequiredIndicatorVisible(true);
        password.setValueChangeMode(ValueChangeMode.LAZY);
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeat.setId("repeat-password");
        repeat.setMaxLength(PasswordPolicy.MAX_LENGTH);
        repeat.setRequiredIndicatorVisible(true);
        repeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
        List<String> context = List.of(preview.addresseeEmail(), preview.customerLabel(), preview.partnerName());
        password.addValueChangeListener(event -> {
            var problem = passwordPolicy.problemWith(event.getValue(), context);
            password.setInvalid(problem.isPresent() && !event.getValue().isEmpty());
            problem.ifPresent(key -> password.setErrorMessage(getTranslation(key, PasswordPolicy.MIN_LENGTH,
                    PasswordPolicy.MAX_LENGTH)));
        });
    }

    private boolean accept(String token, RequestPreview preview, Set<OrganizationRight> granted, AnswerPath path,
                           PasswordField password, PasswordField repeat) {
        if (path == AnswerPath.SET_PASSWORD) {
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("partner-answer.password-mismatch"));
                repeat.setInvalid(true);
                return false;
            }
            repeat.setInvalid(false);
        }
        String chosenPassword = path == AnswerPath.SET_PASSWORD ? password.getValue() : null;
        // the password is the only field here: every refusal is shown there
        if (!InputRefusals.of(this).anyOtherIn(password).run(() -> answers.accept(token, granted, chosenPassword))) {
            return false;
        }
        showDone("partner-answer.accepted.title", getTranslation("partner-answer.accepted", preview.partnerName(),
                preview.customerLabel(), RightTags.text(granted, this::getTranslation)), preview, path);
        return true;
    }

    private void confirmDecline(String token, RequestPreview preview) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-decline-request");
        dialog.setHeader(getTranslation("partner-answer.decline.confirm.title"));
        dialog.setText(getTranslation("partner-answer.decline.confirm", preview.partnerName(),
                preview.customerLabel()));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("partner-answer.decline.confirm.button"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(event -> {
            answers.decline(token);
            showDone("partner-answer.declined.title", getTranslation("partner-answer.declined",
                    preview.partnerName(), preview.customerLabel()), preview, preview.answerPath());
        });
        DialogKeys.cancelFirst(dialog);
        dialog.open();
    }

    private void showDone(String titleKey, String text, RequestPreview preview, AnswerPath path) {
        content.removeAll();
        Paragraph done = new Paragraph(keepingNumberWhole(text, preview));
        done.setId("request-answered");
        // the account feature builds on this one, so this page may not name its view: the account's address it is
        boolean manager = path == AnswerPath.SIGNED_IN_MANAGER
                || path == AnswerPath.SIGNED_IN_INVITEE && "partner-answer.accepted.title".equals(titleKey);
        Anchor next = manager
                ? new Anchor("accounts/" + preview.customerNumber(), getTranslation("partner-answer.to-account"))
                : new Anchor(SecurityNavigation.signInHref(), getTranslation("partner-answer.to-sign-in"));
        next.setId("after-answer");
        next.addClassName("primary-link");
        content.add(new H2(getTranslation(titleKey)), done, next);
    }

    /** A sentence naming the account with its customer number kept on one line, as everywhere in Kontor. */
    private static com.vaadin.flow.component.html.Span keepingNumberWhole(String sentence, RequestPreview preview) {
        return dev.kontor.base.ui.LineBreaks.keepingWhole(sentence, preview.customerNumber());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("partner-answer.page-title");
    }
}
