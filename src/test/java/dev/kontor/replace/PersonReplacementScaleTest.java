package dev.kontor.replace;

import dev.kontor.user.TestTasks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.organization.MembershipRole;
import dev.kontor.organization.Organization;
import dev.kontor.organization.OrganizationOnboarding;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestPartner;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.SqlStatements;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The preview of a person who holds places in 2,000 organizations: how many SQL statements and how long
 * {@link PersonReplacement#prepare} takes, for a manager of 2,000 accounts and for a partner's legal representative
 * whose partner has 2,000 tenants. The statements are counted and bounded (the rights of a chunk of organizations are
 * worked out together, not one organization at a time); the time is only logged, for the README, never asserted.
 */
@IntegrationTest
class PersonReplacementScaleTest {

    private static final Logger log = LoggerFactory.getLogger(PersonReplacementScaleTest.class);
    private static final int ORGANIZATIONS = 2_000;

    @Autowired
    PersonReplacement replacement;

    @Autowired
    Fixtures fixtures;

    @Autowired
    OrganizationOnboarding onboarding;

    @Test
    void a_manager_of_two_thousand_accounts_previews_a_leaving_comanager_in_a_bounded_number_of_statements() {
        String leaving = fixtures.person("Leaving");
        long leavingId = fixtures.userIdOf(leaving);
        String many = fixtures.managerOfMany(ORGANIZATIONS,
                account -> onboarding.grant(TestTasks.setUp(), leavingId, account, MembershipRole.MANAGER));

        PreparedReplacement prepared = measure("manager of " + ORGANIZATIONS + " accounts", many, leaving);

        assertThat(prepared.places()).isEqualTo(ORGANIZATIONS);
    }

    @Test
    void a_legal_representative_previews_an_administrator_of_two_thousand_tenants_in_a_bounded_number_of_statements() {
        TestPartner partner = fixtures.partner("Scale partner");
        String leaving = fixtures.person("Leaving");
        long leavingId = fixtures.userIdOf(leaving);
        for (int i = 0; i < ORGANIZATIONS; i++) {
            Organization tenant = onboarding.createTenant(TestTasks.setUp(), "Scale tenant " + i, partner.id());
            onboarding.grant(TestTasks.setUp(), leavingId, tenant.getId(), MembershipRole.TENANT_ADMINISTRATOR);
        }

        PreparedReplacement prepared = measure(ORGANIZATIONS + " tenants of a partner", partner.legalEmail(),
                leaving);

        assertThat(prepared.places()).isEqualTo(ORGANIZATIONS);
    }

    private PreparedReplacement measure(String what, String actor, String leaving) {
        // a first run warms the statements and the caches up, as a running application has them
        fixtures.as(actor, () -> replacement.prepare(leaving, null));
        SqlStatements.reset();
        long start = System.nanoTime();
        PreparedReplacement prepared = fixtures.as(actor, () -> replacement.prepare(leaving, null));
        long millis = (System.nanoTime() - start) / 1_000_000;
        long statements = SqlStatements.count();
        log.info("Replace a person, preview of {} places ({}): {} SQL statements, {} ms on H2", prepared.places(),
                what, statements, millis);
        System.out.printf("REPLACEMENT-SCALE %s: %d places, %d statements, %d ms%n", what, prepared.places(),
                statements, millis);
        int chunks = ORGANIZATIONS / PersonReplacement.CHUNK + 1;
        // a fixed handful per chunk of 200 organizations, never a handful per organization
        assertThat(statements).isLessThanOrEqualTo(30L * chunks);
        return prepared;
    }
}
