package dev.kontor.provider;

import dev.kontor.user.TestTasks;
import dev.kontor.organization.Membership;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.testing.Fixtures;
import dev.kontor.user.EmailAddress;
import dev.kontor.user.UserAccount;
import dev.kontor.user.UserAccountService;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A provider of its own for a test (so that the demo provider's people stay as they are), with active provider
 * administrators and support staff who sign in with {@link Fixtures#PASSWORD}.
 */
@TestComponent
public class StaffTestData {

    private final OrganizationOnboarding onboarding;
    private final UserAccountService users;
    private final String passwordHash;

    StaffTestData(OrganizationOnboarding onboarding, UserAccountService users, PasswordEncoder passwordEncoder) {
        this.onboarding = onboarding;
        this.users = users;
        this.passwordHash = passwordEncoder.encode(Fixtures.PASSWORD);
    }

    /** A new provider with these active administrators and support people (by first name). */
    public TestProvider provider(String[] administrators, String... support) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Organization provider = onboarding.createProvider(TestTasks.setUp(), "Provider " + tag);
        Map<String, Person> people = new LinkedHashMap<>();
        for (String name : administrators) {
            people.put(name, person(provider, name, tag, MembershipRole.PROVIDER_ADMINISTRATOR));
        }
        for (String name : support) {
            people.put(name, person(provider, name, tag, MembershipRole.SUPPORT));
        }
        return new TestProvider(provider.getId(), provider.getName(), tag, people);
    }

    private Person person(Organization provider, String name, String tag, MembershipRole role) {
        String email = name.toLowerCase() + "-" + tag + "@example.test";
        UserAccount user = users.registerWithPasswordHash(TestTasks.setUp(), new EmailAddress(email), name + " " + tag,
                passwordHash);
        Membership membership = onboarding.grant(TestTasks.setUp(), user.getId(), provider.getId(), role);
        return new Person(email, user.getId(), membership.getId());
    }

    public record TestProvider(long id, String name, String tag, Map<String, Person> people) {

        public String email(String name) {
            return people.get(name).email();
        }

        public long membership(String name) {
            return people.get(name).membershipId();
        }
    }

    public record Person(String email, long userId, long membershipId) {
    }
}
