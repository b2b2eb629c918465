package dev.kontor.user;

import dev.kontor.base.InvalidInput;
import dev.kontor.base.TextRules;
import dev.kontor.base.LanguagePreference;
import dev.kontor.base.RuleViolation;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The door to user accounts: sign-in bookkeeping, registration by the system and personal preferences. */
@Service
public class UserAccountService implements LanguagePreference {

    private final UserAccountRepository users;
    private final Clock clock;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;

    private final Callers callers;

    UserAccountService(UserAccountRepository users, Clock clock, PasswordPolicy passwordPolicy,
                       PasswordEncoder passwordEncoder, Callers callers) {
        this.callers = callers;
        this.users = users;
        this.clock = clock;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * Used by sign-in only, before anyone is authenticated; for the system only, as the answer holds the password
     * hash: the sign-in asks as the application itself.
     */
    @Transactional(readOnly = true)
    public Optional<SignInCandidate> findSignInCandidate(Caller.Task task, String email) {
        Caller.requireTask(task);
        if (!EmailAddress.isValid(email)) {
            return Optional.empty(); // no account has such an address, and PostgreSQL would refuse a NUL in it
        }
        return users.findByEmail(EmailAddress.normalize(email)).map(UserAccountService::candidate);
    }

    /**
     * Used by sign-in only (the unlock link names its person by id), before anyone is authenticated; for the system
     * only, as the answer holds the password hash: the unlock link looks its person up after checking its token.
     */
    @Transactional(readOnly = true)
    public Optional<SignInCandidate> findSignInCandidate(Caller.Task task, long userId) {
        Caller.requireTask(task);
        return users.findById(userId).map(UserAccountService::candidate);
    }

    private static SignInCandidate candidate(UserAccount user) {
        return new SignInCandidate(user.getId(), user.getEmail(), user.getDisplayName(), user.getPasswordHash(),
                user.getPreferredLanguage().orElse(null));
    }

    /** Registers a person whose password is already set (provider tooling and demo data). */
    @Transactional
    public UserAccount registerWithPasswordHash(Caller.Task task, EmailAddress email, String displayName,
                                                String passwordHash) {
        Caller.requireTask(task);
        if (users.existsByEmail(email.value())) {
            throw new IllegalStateException("A user with this e-mail address exists already");
        }
        return users.save(new UserAccount(email, displayName, passwordHash, clock.instant()));
    }

    /**
     * The person with this address, registered without a password when they are new to Kontor: they set one when
     * they accept their invitation. Only for signed-in callers whose right to invite was checked by their feature.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public UserSummary findOrRegisterInvitee(EmailAddress email, String displayName) {
        // checked before the address is looked up: a refusal that came only for unknown addresses would tell who
        // has an account
        TextRules.personName("name", displayName, UserAccount.DISPLAY_NAME_MAX_LENGTH);
        return inviteeOf(email, displayName);
    }

    /** As {@link #findOrRegisterInvitee(EmailAddress, String)}, for the system inviting while nobody is signed in. */
    @Transactional
    public UserSummary findOrRegisterInvitee(Caller.Task task, EmailAddress email, String displayName) {
        Caller.requireTask(task);
        return inviteeOf(email, displayName);
    }

    private UserSummary inviteeOf(EmailAddress email, String displayName) {
        return users.findByEmail(email.value()).map(UserAccountService::summary).orElseGet(() -> {
            if (displayName == null || displayName.isBlank()) {
                throw new InvalidInput("name", "user.name-required");
            }
            String name = displayName.strip();
            if (name.length() > UserAccount.DISPLAY_NAME_MAX_LENGTH) {
                throw new InvalidInput("name", "user.name-too-long", UserAccount.DISPLAY_NAME_MAX_LENGTH);
            }
            return summary(users.save(new UserAccount(email, name, null, clock.instant())));
        });
    }

    /**
     * A person by id, with their address. For the system only: a feature hands it a task (see {@link Callers}) after
     * it has checked that the caller may see this person, e.g. as a member of an organization the caller manages.
     */
    @Transactional(readOnly = true)
    public Optional<UserSummary> findById(Caller.Task task, long userId) {
        Caller.requireTask(task);
        return users.findById(userId).map(UserAccountService::summary);
    }

    /**
     * Sets the password of a person who has none yet (they accept an invitation with it). For the system only: the
     * invitation feature calls it after checking the invitation's token.
     */
    @Transactional
    public void setFirstPassword(Caller.Task task, long userId, String password, Collection<String> contextWords) {
        Caller.requireTask(task);
        UserAccount user = users.findById(userId).orElseThrow();
        if (user.hasPassword()) {
            throw new RuleViolation("user.password-exists");
        }
        List<String> context = new ArrayList<>(contextWords);
        context.add(user.getEmail());
        context.add(user.getDisplayName());
        passwordPolicy.check("password", password, context);
        user.setPasswordHash(passwordEncoder.encode(password));
    }

    private static UserSummary summary(UserAccount user) {
        return new UserSummary(user.getId(), user.getEmail(), user.getDisplayName(), user.hasPassword(),
                user.getPreferredLanguage().orElse(null));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Locale> rememberedLanguage() {
        return callers.person().flatMap(me -> users.findById(me.userId())).flatMap(UserAccount::getPreferredLanguage);
    }

    @Override
    @Transactional
    public void rememberLanguage(Locale language) {
        callers.person().flatMap(me -> users.findById(me.userId()))
                .ifPresent(user -> user.setPreferredLanguage(language));
    }
}
