package dev.kontor.organization;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import dev.kontor.access.AccessSessions;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.SqlStatements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rights in many organizations at once are exactly the rights in each, asked one by one: for every demo person
 * (members of accounts, tenants and a partner, support, the provider), over every organization, also inside an
 * access session; and they cost a fixed number of statements, not a number per organization.
 */
@IntegrationTest
class RightsOfManyTest {

    @Autowired
    OrganizationAccess access;

    @Autowired
    AccessSessions sessions;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    /** Vaadin holds the current UI weakly: the test keeps its tab, as a browser session would. */
    private UI tab;

    @AfterEach
    void closeTheTab() {
        UI.setCurrent(null);
    }

    @Test
    void the_rights_in_many_organizations_are_the_rights_in_each_one_by_one() {
        List<Long> everything = jdbc.queryForList("select id from organization order by id", Long.class);
        for (String person : List.of(DemoPeople.ANNA, DemoPeople.CLARA, DemoPeople.DORA, DemoPeople.LEGAL,
                DemoPeople.PARTNER_ADMIN, DemoPeople.EMPLOYEE, DemoPeople.SUPPORT, "tom@sonnenschein.test",
                "operator@kontor.test")) {
            assertThat(fixtures.as(person, () -> access.rightsIn(everything))).as(person)
                    .isEqualTo(oneByOne(person, everything));
        }
    }

    @Test
    void inside_an_access_session_the_session_s_rights_count_as_they_do_one_by_one() {
        tab = new UI();
        UI.setCurrent(tab);
        long partner = jdbc.queryForObject("select id from organization where name = 'Muster Hosting GmbH'",
                Long.class);
        fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.start(partner, new CustomerNumber("CN-10001"), null));
        List<Long> everything = jdbc.queryForList("select id from organization order by id", Long.class);

        Map<Long, Set<OrganizationRight>> each = oneByOne(DemoPeople.PARTNER_ADMIN, everything);
        Map<Long, Set<OrganizationRight>> together = fixtures.as(DemoPeople.PARTNER_ADMIN,
                () -> access.rightsIn(everything));

        long account = jdbc.queryForObject("select id from organization where customer_number = 'CN-10001'",
                Long.class);
        assertThat(together).containsKey(account).isEqualTo(each);
        fixtures.as(DemoPeople.PARTNER_ADMIN, () -> sessions.leave());
    }

    @Test
    void many_tenants_cost_the_same_few_statements_as_one() {
        // the partner's own tenants (a customer's tenants ask the partnership once each, a delegated right)
        List<Long> tenants = jdbc.queryForList("select id from organization where kind = 'TENANT' "
                + "and (name = 'Muster Vorlagen' or name like 'Vorlage %') order by id", Long.class);
        long one = statements(DemoPeople.LEGAL, tenants.subList(0, 1));
        long all = statements(DemoPeople.LEGAL, tenants);

        assertThat(tenants).hasSizeGreaterThan(2);
        assertThat(all).isEqualTo(one).isLessThanOrEqualTo(4);
    }

    private long statements(String person, List<Long> organizations) {
        return fixtures.as(person, () -> {
            SqlStatements.reset();
            access.rightsIn(organizations);
            return SqlStatements.count();
        });
    }

    private Map<Long, Set<OrganizationRight>> oneByOne(String person, List<Long> organizations) {
        return fixtures.as(person, () -> {
            Map<Long, Set<OrganizationRight>> each = new LinkedHashMap<>();
            for (long id : organizations) {
                Set<OrganizationRight> rights = access.rightsIn(id);
                if (!rights.isEmpty()) {
                    each.put(id, rights);
                }
            }
            return each;
        });
    }
}
