package dev.kontor.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.account.AccountCard;
import dev.kontor.account.AccountService;
import dev.kontor.base.PhoneNumbers;
import dev.kontor.partner.ManagedCustomer;
import dev.kontor.partner.ManagedCustomerFilter;
import dev.kontor.partner.ManagedCustomerService;
import dev.kontor.support.LookupResult;
import dev.kontor.support.SupportLookup;
import dev.kontor.tenant.TenantTree;
import dev.kontor.tenant.TreeFilter;
import dev.kontor.testing.Fixtures;
import dev.kontor.user.EmailAddress;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What a volume data set loaded at 1/1000 of its size (by {@link VolumeLoader} on start) must be, read through the
 * real services, so that the generator stays in step with the schema and the rules: the subclasses run it on H2 and
 * on PostgreSQL.
 */
abstract class VolumeDataChecks {

    static final String PROPERTIES = "kontor.demo-data.enabled=false";
    static final String VOLUME = "kontor.volume.enabled=true";
    static final String SCALE = "kontor.volume.scale=0.001";
    static final String AS_OF = "kontor.volume.as-of=2026-12-01";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Fixtures fixtures;

    @Autowired
    AccountService accounts;

    @Autowired
    ManagedCustomerService managedCustomers;

    @Autowired
    SupportLookup lookup;

    @Autowired
    TenantTree tree;

    @Autowired
    PasswordEncoder passwords;

    private final VolumeSize size = VolumeSize.scaled(0.001);

    @Test
    void every_kind_of_row_is_there_in_the_scaled_numbers() {
        assertThat(count("SELECT COUNT(*) FROM organization WHERE kind = 'PARTNER'")).isEqualTo(size.partners());
        assertThat(count("SELECT COUNT(*) FROM customer_account")).isEqualTo(size.customers());
        assertThat(count("SELECT COUNT(*) FROM organization WHERE kind = 'TENANT'")).isEqualTo(size.treeNodes());
        assertThat(count("SELECT COUNT(*) FROM contact")).isEqualTo(size.contacts());
        assertThat(count("SELECT COUNT(*) FROM partner_relationship")).isEqualTo(size.relationships());
        assertThat(count("SELECT COUNT(*) FROM audit_event")).isGreaterThanOrEqualTo(size.auditEvents());
        // every state a relationship can be in, 2 to 5 managers and 1 to 3 services per account
        assertThat(jdbc.queryForList("SELECT DISTINCT state FROM partner_relationship", String.class))
                .contains("ACTIVE", "REQUESTED");
        assertThat(count("SELECT MIN(n) FROM (SELECT COUNT(*) n FROM membership WHERE role = 'MANAGER' "
                + "GROUP BY organization_id) x")).isGreaterThanOrEqualTo(2);
        assertThat(count("SELECT MAX(n) FROM (SELECT COUNT(*) n FROM membership WHERE role = 'MANAGER' "
                + "GROUP BY organization_id) x")).isLessThanOrEqualTo(5);
        assertThat(count("SELECT MAX(n) FROM (SELECT COUNT(*) n FROM service GROUP BY organization_id) x"))
                .isBetween(1L, 3L);
        assertThat(count("SELECT COUNT(*) FROM customer_account WHERE deputy_id IS NOT NULL")).isPositive();
        // the tree: up to 6 levels below the partner
        assertThat(jdbc.queryForList("SELECT ancestor_path FROM organization WHERE kind = 'TENANT'", String.class))
                .allSatisfy(path -> assertThat(path.split("/").length - 1).isBetween(2, 7));
    }

    @Test
    void addresses_and_phone_numbers_are_valid_and_the_password_signs_in() {
        jdbc.queryForList("SELECT email FROM app_user UNION SELECT email FROM contact "
                        + "UNION SELECT billing_email FROM customer_account", String.class)
                .forEach(email -> assertThat(new EmailAddress(email).value()).isEqualTo(email));
        jdbc.queryForList("SELECT phone FROM contact WHERE phone IS NOT NULL", String.class)
                .forEach(phone -> assertThat(PhoneNumbers.normalize("phone", phone)).contains(phone));
        String hash = jdbc.queryForObject("SELECT password_hash FROM app_user WHERE email = ?", String.class,
                VolumeGenerator.managerEmail(0));
        assertThat(passwords.matches(VolumeGenerator.PASSWORD, hash)).isTrue();
        assertThat(count("SELECT COUNT(*) FROM second_factor")).isEqualTo(2 + size.supportStaff()
                + 4L * size.partners());
    }

    @Test
    void the_manager_of_many_accounts_sees_them_all_on_the_dashboard() {
        int expected = Math.min(300, size.customers());
        List<AccountCard> cards = fixtures.as(VolumeGenerator.managerEmail(0),
                () -> accounts.myAccounts("", PageRequest.of(0, 400)).getContent());
        assertThat(cards).hasSize(expected);
        assertThat(cards).extracting(AccountCard::customerNumber).contains("CN-10001");
        assertThat(cards).allSatisfy(card -> assertThat(card.services()).isNotEmpty());
    }

    @Test
    void the_partners_managed_customers_page_counts_its_active_relationships() {
        long partnerId = jdbc.queryForObject("SELECT organization_id FROM membership m JOIN app_user u "
                + "ON u.id = m.user_id WHERE u.email = ?", Long.class, VolumeGenerator.partnerEmail(0, "admin"));
        long active = count("SELECT COUNT(*) FROM partner_relationship WHERE partner_id = " + partnerId
                + " AND state = 'ACTIVE'");
        assertThat(active).isPositive();
        fixtures.as(VolumeGenerator.partnerEmail(0, "admin"), () -> {
            assertThat(managedCustomers.count(partnerId, ManagedCustomerFilter.none())).isEqualTo(active);
            List<ManagedCustomer> page = managedCustomers.rows(partnerId, ManagedCustomerFilter.none(),
                    PageRequest.of(0, 50, Sort.by("customerNumber")));
            assertThat(page).hasSize((int) Math.min(50, active));
            assertThat(page.getFirst().customerNumber()).isEqualTo("CN-10001");
            assertThat(page).allSatisfy(row -> assertThat(row.contactPersonName()).isNotBlank());
        });
    }

    @Test
    void support_finds_an_account_by_number_and_the_partner_opens_its_tenant_tree() {
        List<LookupResult> found = fixtures.as("support-01@" + VolumeGenerator.DOMAIN,
                () -> lookup.search("CN-10001"));
        assertThat(found).extracting(LookupResult::customerNumber).containsExactly("CN-10001");

        long root = count("SELECT MIN(id) FROM organization WHERE kind = 'TENANT'");
        long below = count("SELECT COUNT(*) FROM organization WHERE parent_id = " + root);
        fixtures.as(VolumeGenerator.partnerEmail(0, "admin"), () -> {
            assertThat(tree.countChildren(root, TreeFilter.NONE)).isEqualTo((int) below);
            assertThat(tree.children(root, TreeFilter.NONE, 0, 50)).hasSize((int) below);
        });
    }

    @Test
    void a_second_load_is_refused_and_changes_nothing() {
        long before = count("SELECT COUNT(*) FROM organization");
        VolumeGenerator again = new VolumeGenerator(dataSource, size, 42, Instant.parse("2026-12-01T00:00:00Z"),
                new PrintStream(OutputStream.nullOutputStream()), false);
        assertThatThrownBy(again::load).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty database");
        assertThat(count("SELECT COUNT(*) FROM organization")).isEqualTo(before);
    }

    @Test
    void new_rows_get_ids_and_customer_numbers_after_the_loaded_ones() {
        long maxId = count("SELECT MAX(id) FROM organization");
        Map<String, Object> next = jdbc.queryForMap("SELECT NEXT VALUE FOR customer_number_seq AS n".replace(
                "NEXT VALUE FOR customer_number_seq", nextValue()));
        assertThat(((Number) next.values().iterator().next()).longValue())
                .isEqualTo(VolumeGenerator.FIRST_CUSTOMER_NUMBER + size.customers());
        jdbc.update("INSERT INTO organization (kind, name, parent_id, created_at, ancestor_path, search_key) "
                + "VALUES ('PARTNER', 'Neu', 1, CURRENT_TIMESTAMP, '/1/', 'neu')");
        assertThat(count("SELECT MAX(id) FROM organization")).isEqualTo(maxId + 1);
        jdbc.update("DELETE FROM organization WHERE name = 'Neu'");
    }

    @Test
    void the_load_tests_people_files_name_people_who_find_what_their_rows_say() throws IOException {
        Path folder = Files.createTempDirectory("kontor-load-people");
        new VolumeGenerator(dataSource, size, 42, Instant.parse("2026-12-01T00:00:00Z"),
                new PrintStream(OutputStream.nullOutputStream()), false).writePeopleFiles(folder, 1000);

        List<String[]> managers = rows(folder.resolve("managers.csv"), "email,account,changeContact");
        assertThat(managers).isNotEmpty().extracting(row -> row[0]).doesNotHaveDuplicates();
        assertThat(managers).anyMatch(row -> row[2].equals("true"));
        for (String[] row : managers) {
            List<String> numbers = fixtures.as(row[0], () -> accounts.myAccounts("", PageRequest.of(0, 24))
                    .getContent().stream().map(AccountCard::customerNumber).toList());
            assertThat(numbers).contains(row[1]);
            long activeManagers = count("SELECT COUNT(*) FROM membership m JOIN organization o ON o.id = "
                    + "m.organization_id WHERE o.customer_number = '" + row[1] + "' AND m.role = 'MANAGER' "
                    + "AND m.state = 'ACTIVE'");
            assertThat(activeManagers >= 2).isEqualTo(Boolean.parseBoolean(row[2]));
        }

        List<String[]> partners = rows(folder.resolve("partners.csv"), "email,secret,customers,filter,account");
        List<String[]> tenants = rows(folder.resolve("tenants.csv"), "email,secret,search");
        // a tenants user signing out would end a partners user's access session if they were the same person
        assertThat(partners).extracting(row -> row[0]).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(tenants.stream().map(row -> row[0]).toList());
        assertThat(partners).hasSize(4 * size.partners() - 2);
        for (String[] row : partners) {
            assertThat(row[1]).isEqualTo(VolumeGenerator.AUTHENTICATOR_SECRET);
            long partnerId = jdbc.queryForObject("SELECT organization_id FROM membership m JOIN app_user u "
                    + "ON u.id = m.user_id WHERE u.email = ?", Long.class, row[0]);
            List<String> found = fixtures.as(row[0], () -> managedCustomers.rows(partnerId,
                    new ManagedCustomerFilter(row[3], false), PageRequest.of(0, 50)).stream()
                    .map(ManagedCustomer::customerNumber).toList());
            assertThat(found).as(row[0] + " filtering " + row[3]).contains(row[4]);
            assertThat(row[2]).isEqualTo(row[0].contains("employee") ? "partner/my-customers" : "partner/customers");
        }

        List<String[]> support = rows(folder.resolve("support.csv"), "email,secret,search,expect");
        assertThat(support).extracting(row -> row[0]).contains("support-01@" + VolumeGenerator.DOMAIN);
        for (String[] row : support) {
            List<LookupResult> found = fixtures.as(row[0], () -> lookup.search(row[2]));
            assertThat(found.getFirst().customerNumber()).isEqualTo(row[3]);
        }

        long root = count("SELECT MIN(id) FROM organization WHERE kind = 'TENANT'");
        assertThat(tenants).hasSize(20).allSatisfy(row -> {
            assertThat(count("SELECT COUNT(*) FROM organization WHERE kind = 'TENANT' AND name = '" + row[2] + "'"))
                    .isOne();
            fixtures.as(row[0], () -> assertThat(tree.countChildren(root, TreeFilter.NONE)).isPositive());
        });
    }

    /** A people file's rows after its header, which must be {@code header}. */
    private static List<String[]> rows(Path file, String header) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.getFirst()).isEqualTo(header);
        return lines.stream().skip(1).map(line -> line.split(",", -1)).toList();
    }

    /** The statement that draws the next customer number, in this database's dialect. */
    abstract String nextValue();

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }
}
