package dev.kontor.provider;

import dev.kontor.user.Caller;
import dev.kontor.user.Callers;
import dev.kontor.audit.AuditEntry;
import dev.kontor.audit.AuditLog;
import dev.kontor.audit.AuditSummary;
import dev.kontor.base.SupportedLanguages;
import dev.kontor.base.TextRules;
import dev.kontor.invitation.InvitationPurpose;
import dev.kontor.invitation.InvitationService;
import dev.kontor.invitation.IssuedInvitation;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationService;
import dev.kontor.organization.ProviderMemberships;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.UserAccount;
import dev.kontor.user.UserAccountService;
import dev.kontor.user.UserSummary;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first provider administrator of a new installation. Started with {@code --kontor.bootstrap.admin-email=…} (or
 * {@code KONTOR_BOOTSTRAP_ADMIN_EMAIL}) on a database where no provider administrator is active or invited, Kontor
 * creates the provider organization if there is none ({@code kontor.bootstrap.provider-name}, "Provider" unless
 * given), invites that address as provider administrator ({@code kontor.bootstrap.admin-name} the person's name,
 * which everybody they invite later reads; the address's part before the @ unless given) through the usual invitation (the link goes to the log
 * once, at WARN, and into the outbox, which mails it when a mail server is configured). Once an administrator exists
 * it does nothing but say so in one INFO line, so the setting may stay in place. Several nodes starting at once: a
 * cluster-wide lock lets one of them do it; the others find the administrator it invited.
 */
@Component
class ProviderBootstrap {

    /** What a start did; tests read it. */
    enum Outcome { NOT_ASKED, INVITED, ADMINISTRATOR_EXISTS, INVITATION_OPEN, OTHER_NODE_BUSY, REFUSED }

    static final String BOOTSTRAP_REFUSED = "PROVIDER_BOOTSTRAP_REFUSED";
    static final String LOCK_NAME = "provider-bootstrap";
    static final String DEFAULT_PROVIDER_NAME = "Provider";

    private static final Logger log = LoggerFactory.getLogger(ProviderBootstrap.class);

    private final ProviderMemberships staff;
    private final OrganizationOnboarding onboarding;
    private final OrganizationService organizations;
    private final UserAccountService users;
    private final InvitationService invitations;
    private final ProviderMails mails;
    private final AuditLog auditLog;
    private final LockProvider locks;
    private final TransactionTemplate inTransaction;
    private final String adminEmail;
    private final String providerName;
    private final String adminName;

    private final Callers callers;

    /** A start without a name for the administrator: the part of the address before the @. */
    ProviderBootstrap(ProviderMemberships staff, OrganizationOnboarding onboarding, OrganizationService organizations,
                      UserAccountService users, InvitationService invitations, ProviderMails mails, AuditLog auditLog,
                      LockProvider locks, PlatformTransactionManager transactions, String adminEmail,
                      String providerName, Callers callers) {
        this(staff, onboarding, organizations, users, invitations, mails, auditLog, locks, transactions, adminEmail,
                providerName, "", callers);
    }

    @Autowired
    ProviderBootstrap(ProviderMemberships staff, OrganizationOnboarding onboarding, OrganizationService organizations,
                      UserAccountService users, InvitationService invitations, ProviderMails mails, AuditLog auditLog,
                      LockProvider locks, PlatformTransactionManager transactions,
                      @Value("${kontor.bootstrap.admin-email:}") String adminEmail,
                      @Value("${kontor.bootstrap.provider-name:" + DEFAULT_PROVIDER_NAME + "}") String providerName,
                      @Value("${kontor.bootstrap.admin-name:}") String adminName, Callers callers) {
        this.staff = staff;
        this.callers = callers;
        this.onboarding = onboarding;
        this.organizations = organizations;
        this.users = users;
        this.invitations = invitations;
        this.mails = mails;
        this.auditLog = auditLog;
        this.locks = locks;
        this.inTransaction = new TransactionTemplate(transactions);
        this.adminEmail = adminEmail;
        this.providerName = providerName;
        this.adminName = adminName;
    }

    /** After the demo data (an application runner) is in place, so that the demo's administrator counts. */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        run();
    }

    Outcome run() {
        if (adminEmail == null || adminEmail.isBlank()) {
            if (inTransaction.execute(status -> !staff.anyActiveProviderAdministrator(task())
                    && invitations.openUntil(task(), InvitationPurpose.PROVIDER_ADMINISTRATOR).isEmpty())) {
                log.warn("Kontor has no provider administrator, so nobody can administer it: start it once with "
                        + "--kontor.bootstrap.admin-email=<address> (or KONTOR_BOOTSTRAP_ADMIN_EMAIL) to invite "
                        + "the first one");
            }
            return Outcome.NOT_ASKED;
        }
        Optional<String> refusal = refusal();
        if (refusal.isPresent()) {
            log.error("Kontor did not invite a first provider administrator: {}. Nothing was created; start "
                    + "again with a corrected setting.", refusal.get());
            auditLog.recordIndependently(AuditEntry.denied(BOOTSTRAP_REFUSED, null,
                    AuditSummary.of("provider-bootstrap-refused")));
            return Outcome.REFUSED;
        }
        Optional<SimpleLock> lock = locks.lock(new LockConfiguration(Instant.now(), LOCK_NAME,
                Duration.ofMinutes(5), Duration.ZERO));
        if (lock.isEmpty()) {
            log.info("Another Kontor node is inviting the first provider administrator; this one leaves it to it");
            return Outcome.OTHER_NODE_BUSY;
        }
        try {
            return invite();
        } catch (RuntimeException failed) {
            // Kontor itself still starts: the operator reads why and starts again once it is put right
            log.error("Kontor could not invite {} as the first provider administrator; nothing was created",
                    adminEmail.strip(), failed);
            return Outcome.REFUSED;
        } finally {
            lock.get().unlock();
        }
    }

    /** The start-up's own work: nobody has started it, nobody may be signed in yet. */
    private Caller.Task task() {
        return callers.task("provider-bootstrap");
    }

    /** Why the settings cannot be used; the address is not repeated when it holds hidden characters. */
    private Optional<String> refusal() {
        if (!EmailAddress.isValid(adminEmail)) {
            return Optional.of(TextRules.isPlainLine(adminEmail)
                    ? "kontor.bootstrap.admin-email \"" + adminEmail.strip() + "\" is not an e-mail address"
                    : "kontor.bootstrap.admin-email holds hidden characters and is not an e-mail address");
        }
        String name = providerName == null ? "" : providerName.strip();
        if (name.isEmpty() || name.length() > Organization.NAME_MAX_LENGTH || !TextRules.isPlainLine(name)) {
            return Optional.of("kontor.bootstrap.provider-name must be a name of 1 to " + Organization.NAME_MAX_LENGTH
                    + " characters on one line");
        }
        String person = adminName == null ? "" : adminName.strip();
        if (person.length() > UserAccount.DISPLAY_NAME_MAX_LENGTH || !TextRules.isPlainLine(person)) {
            return Optional.of("kontor.bootstrap.admin-name must be a name of at most "
                    + UserAccount.DISPLAY_NAME_MAX_LENGTH + " characters on one line");
        }
        return Optional.empty();
    }

    private Outcome invite() {
        record Invited(String email, String provider, IssuedInvitation invitation) {
        }
        Invited invited = inTransaction.execute(status -> {
            if (staff.anyActiveProviderAdministrator(task())) {
                return null;
            }
            if (invitations.openUntil(task(), InvitationPurpose.PROVIDER_ADMINISTRATOR).isPresent()) {
                return null;
            }
            // nobody active and no link that still works (never sent, or it expired unused): invite, again if need be
            long providerId = staff.provider(task())
                    .orElseGet(() -> onboarding.createProvider(task(), providerName.strip()).getId());
            EmailAddress address = new EmailAddress(adminEmail);
            String name = adminName == null || adminName.isBlank()
                    ? address.value().substring(0, address.value().indexOf('@')) : adminName.strip();
            UserSummary person = users.findOrRegisterInvitee(task(), address, name);
            long membershipId = staff.waitingAdministratorMembership(task(), providerId, person.id())
                    .orElseGet(() -> onboarding.invite(task(), person.id(), providerId,
                            MembershipRole.PROVIDER_ADMINISTRATOR, person.hasPassword() ? null : name).getId());
            IssuedInvitation invitation = invitations.issueBySystem(task(), InvitationPurpose.PROVIDER_ADMINISTRATOR,
                    providerId, membershipId, person.id());
            String provider = organizations.describe(task(), providerId).orElseThrow()
                    .name();
            mails.invitation(provider, person, person.hasPassword() ? person.displayName() : name,
                    MembershipRole.PROVIDER_ADMINISTRATOR, null, invitation, SupportedLanguages.ENGLISH);
            return new Invited(person.email(), provider, invitation);
        });
        if (invited == null) {
            Optional<Instant> waiting = inTransaction.execute(status -> staff.anyActiveProviderAdministrator(task())
                    ? Optional.<Instant>empty()
                    : invitations.openUntil(task(), InvitationPurpose.PROVIDER_ADMINISTRATOR));
            if (waiting.isPresent()) {
                log.info("An invitation to become provider administrator is still open until {}; "
                        + "kontor.bootstrap.admin-email invites nobody else until it is used or has expired",
                        waiting.get().truncatedTo(ChronoUnit.SECONDS));
                return Outcome.INVITATION_OPEN;
            }
            log.info("A provider administrator exists already; kontor.bootstrap.admin-email changes nothing");
            return Outcome.ADMINISTRATOR_EXISTS;
        }
        log.warn("First provider administrator invited: {} becomes the administrator of {} by opening this link, "
                        + "which works once until {} and is shown only this time (it was also put in the mail "
                        + "outbox): {}", invited.email(), invited.provider(), invited.invitation().expiresAt().truncatedTo(ChronoUnit.SECONDS),
                invited.invitation().link());
        return Outcome.INVITED;
    }
}
