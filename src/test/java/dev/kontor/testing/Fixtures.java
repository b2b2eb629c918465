package dev.kontor.testing;

import dev.kontor.user.TestTasks;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.UserAccount;
import dev.kontor.user.UserAccountService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.boot.test.context.TestComponent;
import dev.kontor.security.SecondStep;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Builds fresh customer accounts with managers for tests that change data, and runs code as one of those people. */
@TestComponent
public class Fixtures {

    public static final String PASSWORD = "fixture password with enough words";

    private final OrganizationOnboarding onboarding;
    private final UserAccountService users;
    private final UserDetailsService userDetails;
    private final String passwordHash;

    Fixtures(OrganizationOnboarding onboarding, UserAccountService users, UserDetailsService userDetails,
             PasswordEncoder passwordEncoder) {
        this.onboarding = onboarding;
        this.users = users;
        this.userDetails = userDetails;
        this.passwordHash = passwordEncoder.encode(PASSWORD);
    }

    /** A customer account below a new provider, with active managers of the given names (the first becomes the contact person). */
    public TestAccount account(String... managerNames) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Organization provider = onboarding.createProvider(TestTasks.setUp(), "Provider " + tag);
        Organization customer = onboarding.createCustomer(TestTasks.setUp(), "Customer " + tag, provider.getId());
        Map<String, Long> managers = new LinkedHashMap<>();
        for (String name : managerNames) {
            String email = name.toLowerCase() + "-" + tag + "@example.test";
            UserAccount user = users.registerWithPasswordHash(TestTasks.setUp(), new EmailAddress(email), name,
                    passwordHash);
            onboarding.grant(TestTasks.setUp(), user.getId(), customer.getId(), MembershipRole.MANAGER);
            managers.put(name, user.getId());
        }
        return new TestAccount(customer.getId(), customer.getCustomerNumber().orElseThrow().value(), tag,
                managers);
    }

    /** One new person who manages {@code count} new customer accounts; returns their e-mail address. */
    public String managerOfMany(int count, java.util.function.LongConsumer eachAccount) {
        String email = "many-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        UserAccount user = users.registerWithPasswordHash(TestTasks.setUp(), new EmailAddress(email), "Many",
                passwordHash);
        Organization provider = onboarding.createProvider(TestTasks.setUp(), "Provider of many " + email);
        for (int i = 0; i < count; i++) {
            Organization customer = onboarding.createCustomer(TestTasks.setUp(), "Many " + i, provider.getId());
            onboarding.grant(TestTasks.setUp(), user.getId(), customer.getId(), MembershipRole.MANAGER);
            eachAccount.accept(customer.getId());
        }
        return email;
    }

    /**
     * A partner below a new provider, with an active legal representative and an active partner administrator (both
     * with the fixture password).
     */
    public TestPartner partner(String name) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Organization provider = onboarding.createProvider(TestTasks.setUp(), "Provider " + tag);
        Organization partner = onboarding.createPartner(TestTasks.setUp(), name + " " + tag, provider.getId());
        String legal = "legal-" + tag + "@example.test";
        UserAccount legalUser = users.registerWithPasswordHash(TestTasks.setUp(), new EmailAddress(legal),
                "Legal " + tag,
                passwordHash);
        onboarding.grant(TestTasks.setUp(), legalUser.getId(), partner.getId(), MembershipRole.LEGAL_REPRESENTATIVE);
        String admin = "partner-admin-" + tag + "@example.test";
        UserAccount adminUser = users.registerWithPasswordHash(TestTasks.setUp(), new EmailAddress(admin),
                "Admin " + tag,
                passwordHash);
        onboarding.grant(TestTasks.setUp(), adminUser.getId(), partner.getId(), MembershipRole.PARTNER_ADMINISTRATOR);
        return new TestPartner(partner.getId(), partner.getName(), legal, legalUser.getId(), admin,
                adminUser.getId());
    }

    /**
     * A customer account that a partner has just created: below the partner, its only manager invited (a person new
     * to Kontor, without a password), so that it has no contact person yet.
     */
    public NewCustomer newCustomerOf(TestPartner partner, String managerName) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Organization customer = onboarding.createCustomer(TestTasks.setUp(), "New Customer " + tag, partner.id());
        String email = managerName.toLowerCase() + "-" + tag + "@example.test";
        UserAccount user = users.registerWithPasswordHash(TestTasks.setUp(), new EmailAddress(email), managerName,
                null);
        onboarding.invite(TestTasks.setUp(), user.getId(), customer.getId(), MembershipRole.MANAGER);
        return new NewCustomer(customer.getId(), customer.getCustomerNumber().orElseThrow().value(),
                customer.getName(), email, user.getId());
    }

    /** A new customer of the partner whose first manager, invited and not accepted yet, has a password already. */
    public NewCustomer newCustomerOfKnownPerson(TestPartner partner, String managerName) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Organization customer = onboarding.createCustomer(TestTasks.setUp(), "Known Customer " + tag, partner.id());
        String email = managerName.toLowerCase() + "-" + tag + "@example.test";
        long userId = users.registerWithPasswordHash(TestTasks.setUp(), new EmailAddress(email), managerName,
                passwordHash).getId();
        onboarding.invite(TestTasks.setUp(), userId, customer.getId(), MembershipRole.MANAGER);
        return new NewCustomer(customer.getId(), customer.getCustomerNumber().orElseThrow().value(),
                customer.getName(), email, userId);
    }

    /** A person with a password and no membership yet. */
    public String person(String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        users.registerWithPasswordHash(TestTasks.setUp(), new EmailAddress(email), name, passwordHash);
        return email;
    }

    /**
     * Signs the test thread in as this person until the test ends (Spring's test listener clears the context), for
     * view tests whose clicks call services.
     */
    public void signIn(String email) {
        UserDetails user = userDetails.loadUserByUsername(email);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(completedSignIn(user, true));
        SecurityContextHolder.setContext(context);
    }

    /** The user id of a person, by e-mail address. */
    public long userIdOf(String email) {
        return ((dev.kontor.user.AuthenticatedUser) userDetails.loadUserByUsername(email)).userId();
    }

    /** Runs the work signed in as the person with this e-mail address. */
    public <T> T as(String email, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        UserDetails user = userDetails.loadUserByUsername(email);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(completedSignIn(user, true));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * Runs the work signed in as the person with the password alone (no second factor in this sign-in), for the rules
     * that ask for one.
     */
    public <T> T asWithPasswordOnly(String email, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(completedSignIn(userDetails.loadUserByUsername(email), false));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    /**
     * A sign-in as it stands once complete: by default with the second factor too ({@code FACTOR_TOTP}, as after the
     * code step), so that entering customers' accounts works as it does for a person who gave their code.
     */
    private static UsernamePasswordAuthenticationToken completedSignIn(UserDetails user, boolean secondFactor) {
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        if (secondFactor) {
            authorities.add(FactorGrantedAuthority.fromAuthority(SecondStep.TOTP_AUTHORITY));
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    public void as(String email, Runnable work) {
        as(email, () -> {
            work.run();
            return null;
        });
    }

    /** A test partner: its id and name, its legal representative and its partner administrator. */
    public record TestPartner(long id, String name, String legalEmail, long legalUserId, String adminEmail,
                              long adminUserId) {
    }

    /** A customer account created by a partner, with its invited manager (no password yet). */
    public record NewCustomer(long id, String customerNumber, String name, String managerEmail, long managerUserId) {

        public String label() {
            return name + " (" + customerNumber + ")";
        }
    }

    /** A test account: its id, number, the tag in its people's e-mail addresses, and its managers' user ids. */
    public record TestAccount(long id, String customerNumber, String tag, Map<String, Long> managers) {

        public String email(String managerName) {
            return managerName.toLowerCase() + "-" + tag + "@example.test";
        }

        public long userId(String managerName) {
            return managers.get(managerName);
        }

        /** "Customer 1a2b3c4d (CN-10042)", as pages and e-mails name the account. */
        public String label() {
            return "Customer " + tag + " (" + customerNumber + ")";
        }
    }
}
