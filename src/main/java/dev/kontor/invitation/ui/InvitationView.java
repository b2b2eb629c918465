package dev.kontor.invitation.ui;

import dev.kontor.user.Callers;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import dev.kontor.base.ui.InputRefusals;
import dev.kontor.base.ui.SlowAction;
import dev.kontor.base.ui.FormRules;
import dev.kontor.base.ui.LanguageSwitch;
import dev.kontor.base.ui.PublicPage;
import dev.kontor.base.ui.StartPage;
import dev.kontor.invitation.ClosedInvitation;
import dev.kontor.invitation.InvitationPreview;
import dev.kontor.invitation.InvitationPurpose;
import dev.kontor.invitation.InvitationService;
import dev.kontor.invitation.InvitationState;
import dev.kontor.security.ui.SecurityNavigation;
import dev.kontor.user.PasswordPolicy;
import java.util.List;

/**
 * The page an invitation link opens: it names the organization and the person (as the inviter typed the name). Someone
 * new to Kontor sets their password and accepts; someone who has a password signs in first ("Sign in to accept") and
 * then accepts or declines as themselves; someone else signed in is told the link is not theirs. An expired, used, revoked or forged link gets a page that says so and what to do.
 */
@Route(value = "invitation/:token", autoLayout = false)
@AnonymousAllowed
public class InvitationView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final InvitationService invitations;
    private final PasswordPolicy passwordPolicy;

    private final Callers callers;

    public InvitationView(InvitationService invitations, PasswordPolicy passwordPolicy,
                          LanguageSwitch languageSwitch, Callers callers) {
        super(languageSwitch);
        this.callers = callers;
        this.invitations = invitations;
        this.passwordPolicy = passwordPolicy;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getRouteParameters().get("token").orElse("");
        InvitationPreview preview = invitations.preview(token);
        if (preview.state() != InvitationState.OPEN) {
            event.rerouteToError(new ClosedInvitation(preview.state()), preview.state().name());
            return;
        }
        show(token, preview);
    }

    private void show(String token, InvitationPreview preview) {
        content.removeAll();
        H2 title = new H2(getTranslation("invitation.title"));
        // on a phone the customer number breaks nowhere, as everywhere else in Kontor
        // who invited them, as the invitation e-mail says it; Kontor's own invitations name nobody
        String invited = preview.inviterName() == null
                ? getTranslation("invitation.purpose." + preview.purpose(), preview.displayName(),
                        preview.organizationLabel())
                : getTranslation("invitation.purpose-by." + preview.purpose(), preview.displayName(),
                        preview.organizationLabel(), preview.inviterName());
        Paragraph who = new Paragraph(keepingNumberWhole(invited, preview.organizationLabel()));
        who.setId("invitation-text");
        // "manage the customer account" told a new person nothing of what the role asks of them: one sentence does
        Paragraph role = new Paragraph(getTranslation("invitation.role." + preview.purpose()));
        role.setId("invitation-role");
        content.add(title, who, role);
        if (preview.needsApproval()) {
            // said before the person answers: a partner asked for them, so the customer still has to agree
            Paragraph approval = new Paragraph(keepingNumberWhole(getTranslation(
                    "invitation.needs-approval." + preview.purpose(), preview.organizationLabel()),
                    preview.organizationLabel()));
            approval.setId("invitation-needs-approval");
            content.add(approval);
        }
        switch (preview.path()) {
            case SET_PASSWORD -> showPasswordChoice(token, preview);
            case SIGN_IN -> showSignIn(token);
            case SIGNED_IN_OTHER -> showSignedInAsOther();
            case SIGNED_IN_INVITEE -> showAnswer(token, preview);
        }
    }

    /**
     * The sentence with the "(CN-…)" at the end of the organization's label kept on one line: the invitation, and the
     * welcome or farewell after the answer ("Nordlicht … (CN-" / "10003)" on a phone).
     */
    private static com.vaadin.flow.component.html.Span keepingNumberWhole(String sentence, String label) {
        int open = label == null ? -1 : label.lastIndexOf(" (");
        return dev.kontor.base.ui.LineBreaks.keepingWhole(sentence,
                open >= 0 && label.endsWith(")") ? label.substring(open + 1) : null);
    }

    /** A person new to Kontor chooses their password and accepts with it. */
    private void showPasswordChoice(String token, InvitationPreview preview) {
        content.add(new Paragraph(dev.kontor.base.ui.LineBreaks.withEmail(
                getTranslation("invitation.login", preview.email()), preview.email())));
        PasswordField password = new PasswordField(getTranslation("invitation.password"));
        password.setId("new-password");
        password.setHelperText(getTranslation("invitation.password.help", PasswordPolicy.MIN_LENGTH));
        password.setMaxLength(PasswordPolicy.MAX_LENGTH);
        password.setRequiredIndicatorVisible(true);
        password.setValueChangeMode(ValueChangeMode.LAZY);
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        PasswordField repeat = new PasswordField(getTranslation("invitation.password-repeat"));
        repeat.setId("repeat-password");
        repeat.setMaxLength(PasswordPolicy.MAX_LENGTH);
        repeat.setRequiredIndicatorVisible(true);
        repeat.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        List<String> context = List.of(preview.email(), preview.displayName(), preview.organizationLabel());
        password.addValueChangeListener(event -> {
            var problem = passwordPolicy.problemWith(event.getValue(), context);
            password.setInvalid(problem.isPresent() && !event.getValue().isEmpty());
            problem.ifPresent(key -> password.setErrorMessage(getTranslation(key, PasswordPolicy.MIN_LENGTH,
                    PasswordPolicy.MAX_LENGTH)));
        });

        Button accept = new Button(getTranslation("invitation.accept"));
        accept.setId("accept-invitation");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        // choosing a password takes a moment (it is hashed slowly on purpose): the button shows it is working
        SlowAction.on(accept, () -> {
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage(getTranslation("invitation.password-mismatch"));
                repeat.setInvalid(true);
                return false;
            }
            repeat.setInvalid(false);
            // the password is all the person typed: every refused input is shown there; a link that stopped
            // working meanwhile replaces the form (and its button) with why
            if (!InputRefusals.of(this).anyOtherIn(password).rulesShownBy(why -> showRefused(token, why))
                    .run(() -> invitations.accept(token, password.getValue()))) {
                return false;
            }
            showAccepted(preview);
            return true;
        });
        content.add(password, repeat, accept);
        FormRules.explainConstraints(content);
        // someone new holds only the link: it is theirs to decline as it is theirs to accept
        Paragraph notForYou = new Paragraph(getTranslation("invitation.decline.new"));
        notForYou.addClassName("section-explanation");
        content.add(notForYou, declineButton(token, preview));
    }

    private Button declineButton(String token, InvitationPreview preview) {
        Button decline = new Button(getTranslation("invitation.decline"), click -> {
            if (InputRefusals.of(this).rulesShownBy(why -> showRefused(token, why))
                    .run(() -> invitations.decline(token))) {
                showDeclined(preview);
            }
        });
        decline.setId("decline-invitation");
        return decline;
    }

    /** Someone who has a password answers signed in as themselves: the link alone is not enough. */
    private void showSignIn(String token) {
        Paragraph how = new Paragraph(getTranslation("invitation.sign-in.intro"));
        how.setId("sign-in-hint");
        // a page that requires sign-in: Vaadin's access control sends a signed-out visitor to the sign-in page and,
        // once signed in, back to it; it then forwards here
        Anchor signIn = new Anchor(InvitationSignIn.pathFor(token), getTranslation("invitation.sign-in-to-accept"));
        signIn.setId("sign-in-to-accept");
        signIn.addClassName("primary-link");
        content.add(how, signIn);
    }

    private void showSignedInAsOther() {
        String me = callers.person().map(dev.kontor.user.AuthenticatedUser::email).orElse("");
        Paragraph why = new Paragraph(getTranslation("invitation.other.intro", me));
        why.setId("invitation-other");
        content.add(why);
    }

    /** The signed-in invitee sees the organization and accepts or declines. */
    private void showAnswer(String token, InvitationPreview preview) {
        String me = callers.person().map(dev.kontor.user.AuthenticatedUser::email).orElse("");
        Paragraph answerAs = new Paragraph(getTranslation("invitation.answer-as", me));
        answerAs.setId("invitation-answer-as");
        Button accept = SlowAction.on(new Button(getTranslation("invitation.accept-existing")), () -> {
            if (!InputRefusals.of(this).rulesShownBy(why -> showRefused(token, why))
                    .run(() -> invitations.accept(token, null))) {
                return false;
            }
            showAcceptedSignedIn(preview);
            return true;
        });
        accept.setId("accept-invitation");
        accept.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        content.add(answerAs, new Div(accept, declineButton(token, preview)));
    }

    /** The link stopped working meanwhile (used in another tab, revoked, expired), or the person may not use it. */
    private void showRefused(String token, String why) {
        InvitationState state = invitations.preview(token).state();
        if (state != InvitationState.OPEN) {
            showClosed(state);
            return;
        }
        content.removeAll();
        Paragraph message = new Paragraph(why);
        message.setId("invitation-refused");
        content.add(new H2(getTranslation("invitation.title")), message,
                new Anchor(SecurityNavigation.signInHref(), getTranslation("invitation.to-sign-in")));
    }

    private void showAccepted(InvitationPreview preview) {
        content.removeAll();
        String acceptedKey = preview.needsApproval() ? "invitation.accepted-awaiting-approval." + preview.purpose()
                : preview.purpose() == InvitationPurpose.TENANT_ADMINISTRATOR
                ? "invitation.accepted-administrator"
                : preview.purpose() == InvitationPurpose.LEGAL_REPRESENTATIVE
                ? "invitation.accepted-legal-representative" : preview.purpose() == InvitationPurpose.MANAGER
                ? "invitation.accepted" : "invitation.accepted." + preview.purpose();
        Paragraph done = new Paragraph(keepingNumberWhole(getTranslation(acceptedKey, preview.organizationLabel()),
                preview.organizationLabel()));
        done.setId("invitation-accepted");
        Anchor signIn = new Anchor(SecurityNavigation.signInHref(), getTranslation("invitation.sign-in"));
        signIn.addClassName("primary-link");
        content.add(new H2(getTranslation("invitation.welcome")), done, signIn);
    }

    private void showAcceptedSignedIn(InvitationPreview preview) {
        content.removeAll();
        Paragraph done = new Paragraph(keepingNumberWhole(getTranslation(preview.needsApproval()
                ? "invitation.accepted-signed-in-awaiting-approval." + preview.purpose()
                : "invitation.accepted-signed-in", preview.organizationLabel()), preview.organizationLabel()));
        done.setId("invitation-accepted");
        Anchor dashboard = StartPage.link(getTranslation("invitation.to-dashboard"));
        dashboard.addClassName("primary-link");
        content.add(new H2(getTranslation("invitation.welcome")), done, dashboard);
    }

    private void showDeclined(InvitationPreview preview) {
        content.removeAll();
        Paragraph done = new Paragraph(keepingNumberWhole(getTranslation("invitation.declined",
                preview.organizationLabel()), preview.organizationLabel()));
        done.setId("invitation-declined");
        content.add(new H2(getTranslation("invitation.declined.title")), done);
    }

    private void showClosed(InvitationState state) {
        content.removeAll();
        String key = "invitation.state." + state.name().toLowerCase(java.util.Locale.ROOT);
        Paragraph message = new Paragraph(getTranslation(key));
        message.setId("invitation-closed");
        content.add(new H2(getTranslation(key + ".title")), message,
                new Anchor(SecurityNavigation.signInHref(), getTranslation("invitation.to-sign-in")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("invitation.page-title");
    }
}
