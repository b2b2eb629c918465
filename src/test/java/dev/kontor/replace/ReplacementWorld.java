package dev.kontor.replace;

import dev.kontor.user.TestTasks;
import dev.kontor.account.AccountService;
import dev.kontor.contact.ContactProvisioning;
import dev.kontor.contact.ContactType;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestPartner;
import java.util.EnumSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * People and organizations for replacement tests. Lea leaves, Sam succeeds her, Max manages several accounts and acts:
 * <ul>
 * <li>account A: Lea (contact person), Max and Sam manage it;</li>
 * <li>account B: Lea (contact person) and Max manage it, Sam does not;</li>
 * <li>account D: Max (contact person) and Lea (deputy) manage it; Lea is also a contact there without access
 * (technical and billing); its tenant T has Lea as only administrator;</li>
 * <li>account C: Lea and Olga manage it, Max has no right there;</li>
 * <li>partner P: Lea is a partner administrator.</li>
 * </ul>
 */
final class ReplacementWorld {

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String lea;
    final String sam;
    final String max;
    final String olga;
    final long accountA;
    final long accountB;
    final long accountC;
    final long accountD;
    final long tenantT;
    final TestPartner partner;
    final long leaContactInD;

    ReplacementWorld(Fixtures fixtures, OrganizationOnboarding onboarding, AccountService accounts,
                     ContactProvisioning contacts, JdbcTemplate jdbc) {
        lea = fixtures.person("Lea");
        sam = fixtures.person("Sam");
        max = fixtures.person("Max");
        olga = fixtures.person("Olga");
        long leaId = fixtures.userIdOf(lea);
        long samId = fixtures.userIdOf(sam);
        long maxId = fixtures.userIdOf(max);
        long olgaId = fixtures.userIdOf(olga);
        partner = fixtures.partner("Replacement partner");
        Organization provider = onboarding.createProvider(TestTasks.setUp(), "Replacement provider " + tag);
        long a = customer(onboarding, provider, "A", leaId, maxId, samId);
        long b = customer(onboarding, provider, "B", leaId, maxId);
        long c = customer(onboarding, provider, "C", leaId, olgaId);
        long d = customer(onboarding, provider, "D", maxId, leaId);
        long t = onboarding.createTenant(TestTasks.setUp(), "Tenant T " + tag, d).getId();
        onboarding.grant(TestTasks.setUp(), leaId, t, MembershipRole.TENANT_ADMINISTRATOR);
        onboarding.grant(TestTasks.setUp(), leaId, partner.id(), MembershipRole.PARTNER_ADMINISTRATOR);
        long contact = contacts.importContact(TestTasks.setUp(), d, null, "Lea", "Leaving", lea, null, null,
                EnumSet.of(ContactType.TECHNICAL, ContactType.BILLING));
        long[] ids = new long[] {a, b, c, d, t, contact};
        accountA = ids[0];
        accountB = ids[1];
        accountC = ids[2];
        accountD = ids[3];
        tenantT = ids[4];
        leaContactInD = ids[5];
        long version = jdbc.queryForObject("select version from customer_account where organization_id = ?",
                Long.class, accountD);
        fixtures.as(max, () -> accounts.changeDeputy(accountD, version, leaId));
    }

    /** A customer account whose managers are granted in this order: the first becomes the contact person. */
    private long customer(OrganizationOnboarding onboarding, Organization provider, String name, long... managers) {
        long id = onboarding.createCustomer(TestTasks.setUp(), "Account " + name + " " + tag, provider.getId()).getId();
        for (long manager : managers) {
            onboarding.grant(TestTasks.setUp(), manager, id, MembershipRole.MANAGER);
        }
        return id;
    }
}
