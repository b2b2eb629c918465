package dev.kontor.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import net.ttddyy.dsproxy.QueryCountHolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a support person has at hand during an incident finds the account: part of the account's or a person's name,
 * a phone number in any notation or its end, an e-mail address or its domain, the customer number or its start, a
 * service; in pages, with a few statements per search. Run on H2 ({@link SupportLookupKindsTest}) and PostgreSQL
 * ({@link SupportLookupKindsOnPostgresTest}), each account with people of its own, so other tests' data never
 * disturbs.
 */
abstract class SupportLookupKinds {

    @Autowired
    SupportLookup lookup;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    private Fixtures.TestAccount account;
    private String tag;
    /** The contact's and the out-of-hours number's national significant digits, e.g. "30" + eight digits. */
    private String contactDigits;
    private String outOfHoursDigits;

    @BeforeEach
    void anAccountWithAContactAManagerAndAnOutOfHoursNumber() {
        account = fixtures.account("Manager");
        // letters only, so that the tag never reads as a number
        tag = account.tag().chars().mapToObj(c -> String.valueOf(Character.isDigit(c) ? (char) ('g' + c - '0')
                : (char) c)).collect(java.util.stream.Collectors.joining());
        // a name of its own, with an umlaut and an ß, so that only this account has it
        jdbc.update("update app_user set display_name = ?, email = ? where id = ?", "Jörg Straßmann" + tag,
                "joerg@" + tag + "-manager.example", account.userId("Manager"));
        jdbc.update("update organization set name = ?, search_key = ? where id = ?", "Bäckerei Sönnenschein " + tag,
                dev.kontor.base.SearchKeys.fold("Bäckerei Sönnenschein " + tag), account.id());
        contactDigits = "30" + random(8);
        outOfHoursDigits = "40" + random(8);
        jdbc.update("""
                insert into contact (organization_id, first_name, last_name, email, phone, technical, created_at,
                  version) values (?, ?, ?, ?, ?, true, ?, 0)""", account.id(), "Renée", "Müller-Lüdenscheidt" + tag,
                "it@" + tag + "-bakery.example", "+49" + contactDigits, Timestamp.from(Instant.now()));
        jdbc.update("update customer_account set emergency_phone = ?, emergency_phone_e164 = ? "
                + "where organization_id = ?", "0" + outOfHoursDigits, "+49" + outOfHoursDigits, account.id());
    }

    @Test
    void part_of_the_accounts_name_finds_it_whatever_the_case_and_the_umlauts() {
        for (String typed : List.of("sonnenschein " + tag, "SÖNNENSCHEIN " + tag.toUpperCase(),
                "soennenschein " + tag, "bäckerei sönnen")) {
            assertThat(found(typed)).as(typed).anySatisfy(r -> {
                assertThat(r.customerId()).isEqualTo(account.id());
                assertThat(r.matchedBy()).isEqualTo(MatchKind.NAME);
            });
        }
    }

    @Test
    void part_of_a_contacts_name_finds_the_account_and_says_whose_name_it_was() {
        for (String typed : List.of("lüdenscheidt" + tag, "LUEDENSCHEIDT" + tag.toUpperCase(),
                "ludenscheidt" + tag, "renee müller-lüdenscheidt" + tag)) {
            assertThat(found(typed)).as(typed).singleElement().satisfies(r -> {
                assertThat(r.customerId()).isEqualTo(account.id());
                assertThat(r.matchedBy()).isEqualTo(MatchKind.CONTACT_NAME);
                assertThat(r.matchedText()).isEqualTo("Renée Müller-Lüdenscheidt" + tag);
            });
        }
    }

    @Test
    void part_of_a_managers_name_finds_the_account() {
        for (String typed : List.of("strassmann" + tag, "Straßmann" + tag, "jorg strassmann" + tag)) {
            assertThat(found(typed)).as(typed).singleElement().satisfies(r -> {
                assertThat(r.customerId()).isEqualTo(account.id());
                assertThat(r.matchedBy()).isEqualTo(MatchKind.MANAGER_NAME);
            });
        }
    }

    @Test
    void a_phone_number_in_any_notation_or_its_last_six_digits_finds_the_contacts_account() {
        String d = contactDigits;
        for (String typed : List.of("+49" + d, "+49 " + d.substring(0, 2) + " " + d.substring(2), "0049" + d,
                "0" + d, "0" + d.substring(0, 2) + "/" + d.substring(2, 6) + "-" + d.substring(6),
                "+49 (0)" + d.substring(0, 2) + " " + d.substring(2), d.substring(2),
                d.substring(4, 7) + " " + d.substring(7), d.substring(d.length() - 6))) {
            assertThat(found(typed)).as(typed).anySatisfy(r -> {
                assertThat(r.customerId()).isEqualTo(account.id());
                assertThat(r.matchedBy()).isEqualTo(MatchKind.PHONE);
                assertThat(r.matchedText()).isEqualTo("Renée Müller-Lüdenscheidt" + tag);
            });
        }
        assertThat(found(d.substring(d.length() - 5))).as("five digits are too few to tell a phone")
                .noneMatch(r -> r.customerId() == account.id());
        assertThat(found("+43 " + d)).as("another country's number").noneMatch(r -> r.customerId() == account.id());
    }

    @Test
    void the_out_of_hours_number_or_its_end_finds_the_account() {
        String d = outOfHoursDigits;
        for (String typed : List.of("+49 " + d, "0" + d.substring(0, 2) + " " + d.substring(2),
                d.substring(d.length() - 7))) {
            assertThat(found(typed)).as(typed).anySatisfy(r -> {
                assertThat(r.customerId()).isEqualTo(account.id());
                assertThat(r.matchedBy()).isEqualTo(MatchKind.OUT_OF_HOURS_NUMBER);
            });
        }
    }

    @Test
    void an_email_address_or_its_domain_finds_the_account_of_contacts_and_managers() {
        for (String typed : List.of("IT@" + tag + "-bakery.example", "@" + tag + "-bakery.example",
                tag + "-bakery.example", "joerg@" + tag + "-manager.example", "@" + tag + "-manager.example",
                tag.toUpperCase() + "-MANAGER.example")) {
            assertThat(found(typed)).as(typed).singleElement().satisfies(r -> {
                assertThat(r.customerId()).isEqualTo(account.id());
                assertThat(r.matchedBy()).isEqualTo(MatchKind.EMAIL);
            });
        }
        assertThat(found("it@" + tag + "-bakery")).as("part of an address is no address").isEmpty();
    }

    @Test
    void the_customer_number_and_a_service_find_the_account() {
        String number = account.customerNumber();
        assertThat(found(number)).first().extracting(LookupResult::customerId).isEqualTo(account.id());
        assertThat(found(number.substring(3).toLowerCase())).first().extracting(LookupResult::customerId)
                .isEqualTo(account.id());
        jdbc.update("insert into service (organization_id, name, kind, created_at) values (?, ?, 'CLUSTER', ?)",
                account.id(), "Cluster K8S-" + tag, Timestamp.from(Instant.now()));
        assertThat(found("k8s-" + tag)).singleElement().satisfies(r -> {
            assertThat(r.customerId()).isEqualTo(account.id());
            assertThat(r.matchedBy()).isEqualTo(MatchKind.SERVICE);
        });
    }

    @Test
    void results_come_in_pages_and_say_whether_there_are_more() {
        // 25 contacts in 25 accounts share a name part
        String shared = "Pagina" + tag;
        for (int i = 0; i < 25; i++) {
            long id = fixtures.account().id();
            jdbc.update("""
                    insert into contact (organization_id, first_name, last_name, email, technical, created_at,
                      version) values (?, 'Paul', ?, ?, true, ?, 0)""", id, shared + i, "p" + i + "@" + tag
                    + ".example", Timestamp.from(Instant.now()));
        }

        LookupPage first = fixtures.as(DemoPeople.SUPPORT, () -> lookup.search(shared, 20));
        LookupPage all = fixtures.as(DemoPeople.SUPPORT, () -> lookup.search(shared, 40));

        assertThat(first.results()).hasSize(20);
        assertThat(first.more()).isTrue();
        assertThat(all.results()).hasSize(25).startsWith(first.results().toArray(LookupResult[]::new));
        assertThat(all.more()).isFalse();
        assertThat(fixtures.as(DemoPeople.SUPPORT, () -> lookup.search(shared, 100_000)).results()).hasSize(25);
    }

    @Test
    void every_search_sends_a_few_statements_whatever_it_looks_like() {
        for (String typed : List.of("Bäckerei Sonnenschein", "lüdenscheidt", "0" + contactDigits, "123456",
                "CN-10001", "it@sonnenschein.test", "@sonnenschein.test", "sonnenschein.test", "C-1042")) {
            fixtures.as(DemoPeople.SUPPORT, () -> {
                QueryCountHolder.clear();
                lookup.search(typed, 20);
                // the caller's roles (one statement), then at most one statement per kind that the text can be
                assertThat(QueryCountHolder.get("counted").getSelect()).as(typed).isLessThanOrEqualTo(6);
            });
        }
    }

    private List<LookupResult> found(String text) {
        return fixtures.as(DemoPeople.SUPPORT, () -> lookup.search(text, 20)).results();
    }

    private static String random(int digits) {
        StringBuilder number = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            number.append(ThreadLocalRandom.current().nextInt(i == 0 ? 1 : 0, 10));
        }
        return number.toString();
    }
}
