package dev.kontor.replace;

import dev.kontor.user.TestTasks;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.testing.Fixtures;
import java.util.List;
import java.util.UUID;

/**
 * A manager of several customer accounts whose contact person leaves, for the view test and the journey. Max manages
 * the accounts North, South and East; Lea, who leaves, is the contact person (and a manager) of all three; Sam, her
 * successor, manages North and South but not East, so that East is refused and says why.
 */
public record SeveralAccounts(String tag, String max, String lea, String sam, List<Long> accounts,
                              List<String> names) {

    public static SeveralAccounts build(Fixtures fixtures, OrganizationOnboarding onboarding) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String lea = fixtures.person("Lea");
        String max = fixtures.person("Max");
        String sam = fixtures.person("Sam");
        long leaId = fixtures.userIdOf(lea);
        long maxId = fixtures.userIdOf(max);
        long samId = fixtures.userIdOf(sam);
        List<String> names = List.of("Alster Logistik North " + tag, "Alster Logistik South " + tag,
                "Alster Logistik East " + tag);
        Organization provider = onboarding.createProvider(TestTasks.setUp(), "Replacement provider " + tag);
        List<Long> accounts = names.stream().map(name -> {
            long id = onboarding.createCustomer(TestTasks.setUp(), name, provider.getId()).getId();
            // the first manager granted becomes the contact person
            onboarding.grant(TestTasks.setUp(), leaId, id, MembershipRole.MANAGER);
            onboarding.grant(TestTasks.setUp(), maxId, id, MembershipRole.MANAGER);
            if (!name.startsWith("Alster Logistik East")) {
                onboarding.grant(TestTasks.setUp(), samId, id, MembershipRole.MANAGER);
            }
            return id;
        }).toList();
        return new SeveralAccounts(tag, max, lea, sam, accounts, names);
    }
}
