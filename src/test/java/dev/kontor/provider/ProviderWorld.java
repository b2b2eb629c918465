package dev.kontor.provider;

import dev.kontor.user.TestTasks;
import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.PartnerProvisioning;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.Fixtures.TestPartner;
import java.util.EnumSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A provider of its own with an administrator, a partner and a customer account below it, the partner managing the account (an active
 * relationship with every right but ADMIN), so that a test sees only its own data in the shared database.
 */
record ProviderWorld(long providerId, String admin, TestPartner partner, TestAccount account) {

    static ProviderWorld create(Fixtures fixtures, OrganizationOnboarding onboarding, PartnerProvisioning provisioning,
                                JdbcTemplate jdbc) {
        TestPartner partner = fixtures.partner("Partner");
        long providerId = jdbc.queryForObject("select parent_id from organization where id = ?", Long.class,
                partner.id());
        String admin = fixtures.person("Operator");
        TestAccount account = fixtures.account("Alice");
        // the fixture's account comes with a provider of its own: it moves below this world's provider
        jdbc.update("update organization set parent_id = ?, ancestor_path = ? where id = ?", providerId,
                "/" + providerId + "/", account.id());
        onboarding.grant(TestTasks.setUp(), fixtures.userIdOf(admin), providerId,
                MembershipRole.PROVIDER_ADMINISTRATOR);
        provisioning.importActiveRelationship(TestTasks.setUp(), partner.id(), account.id(),
                EnumSet.of(OrganizationRight.VIEW, OrganizationRight.MANAGE_USERS, OrganizationRight.MANAGE_CONTACTS),
                account.email("Alice"), account.userId("Alice"));
        return new ProviderWorld(providerId, admin, partner, account);
    }
}
