package dev.kontor.user;

import dev.kontor.base.LanguagePreference;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The door to user accounts: sign-in bookkeeping, registration by the system and personal preferences. */
@Service
public class UserAccountService implements LanguagePreference {

    private final UserAccountRepository users;
    private final SignInThrottle throttle;
    private final Clock clock;

    UserAccountService(UserAccountRepository users, SignInThrottle throttle, Clock clock) {
        this.users = users;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** Used by sign-in only, before anyone is authenticated. */
    @Transactional(readOnly = true)
    public Optional<SignInCandidate> findSignInCandidate(String email) {
        return users.findByEmail(EmailAddress.normalize(email))
                .map(u -> new SignInCandidate(u.getId(), u.getEmail(), u.getDisplayName(), u.getPasswordHash(),
                        u.isLockedAt(clock.instant())));
    }

    /**
     * Counts a failed sign-in for a known address, in its own transaction so that it is kept whatever else happens.
     * Returns the length of the lock when this failure locked the account.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Duration> recordFailedSignIn(String email) {
        return users.findByEmail(EmailAddress.normalize(email))
                .flatMap(u -> u.recordFailedSignIn(clock.instant(), throttle));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordSuccessfulSignIn(long userId) {
        users.findById(userId).ifPresent(UserAccount::recordSuccessfulSignIn);
    }

    /** Registers a person whose password is already set (provider tooling and demo data). */
    @PreAuthorize("hasRole('" + Roles.SYSTEM + "')")
    @Transactional
    public UserAccount registerWithPasswordHash(EmailAddress email, String displayName, String passwordHash) {
        if (users.existsByEmail(email.value())) {
            throw new IllegalStateException("A user with this e-mail address exists already");
        }
        return users.save(new UserAccount(email, displayName, passwordHash, clock.instant()));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Locale> rememberedLanguage() {
        return CurrentUser.find().flatMap(me -> users.findById(me.userId())).flatMap(UserAccount::getPreferredLanguage);
    }

    @Override
    @Transactional
    public void rememberLanguage(Locale language) {
        CurrentUser.find().flatMap(me -> users.findById(me.userId()))
                .ifPresent(user -> user.setPreferredLanguage(language));
    }
}
