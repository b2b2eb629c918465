package dev.kontor.support;

import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.base.AccessRefused;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The lookup against the demo data: every kind of match, the card's order, and who may use it. */
@IntegrationTest
class SupportLookupTest {

    @Autowired
    SupportLookup lookup;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_customer_number_matches_with_or_without_the_prefix() {
        assertThat(numbersFound("CN-10001")).first().isEqualTo("CN-10001");
        assertThat(numbersFound("cn10001")).first().isEqualTo("CN-10001");
        assertThat(numbersFound("10001")).first().isEqualTo("CN-10001");
    }

    @Test
    void a_name_matches_whatever_the_case_and_accents_and_in_part() {
        for (String spelling : List.of("Bäckerei", "Baeckerei", "backerei", "BÄCKEREI SONNEN", "sonnensch")) {
            assertThat(numbersFound(spelling)).as(spelling).contains("CN-10001");
        }
        assertThat(numbersFound("nordlicht")).contains("CN-10003");
    }

    @Test
    void a_service_a_managers_or_contacts_email_and_a_phone_in_any_notation_match() {
        assertThat(numbersFound("C-1042")).contains("CN-10001");
        assertThat(numbersFound("clara@weber.test")).contains("CN-10002");
        assertThat(numbersFound("IT@Sonnenschein.test")).contains("CN-10001");
        assertThat(numbersFound("05251 123456")).contains("CN-10001");
        assertThat(numbersFound("+49 (5251) 12-34-56")).contains("CN-10001");
        assertThat(numbersFound("0381 7654399")).contains("CN-10003");
        List<LookupResult> byPhone = fixtures.as(DemoPeople.SUPPORT, () -> lookup.search("05251/123456"));
        assertThat(byPhone.getFirst().matchedBy()).isEqualTo(MatchKind.PHONE);
        assertThat(byPhone.getFirst().matchedText()).isEqualTo("Anna Becker");
    }

    @Test
    void the_out_of_hours_number_matches_in_any_notation() {
        List<LookupResult> found = fixtures.as(DemoPeople.SUPPORT, () -> lookup.search("0381 / 76 54 32"));

        assertThat(found).extracting(LookupResult::customerNumber).containsExactly("CN-10003");
        assertThat(found.getFirst().matchedBy()).isEqualTo(MatchKind.OUT_OF_HOURS_NUMBER);
        assertThat(found.getFirst().matchedText()).isEqualTo("+49 381 765432");
    }

    @Test
    void the_card_puts_the_contact_person_first_and_names_the_partner_with_its_technical_contacts() {
        long bakery = jdbc.queryForObject("select id from organization where customer_number = 'CN-10001'",
                Long.class);

        SupportCard card = fixtures.as(DemoPeople.SUPPORT, () -> lookup.card(bakery));

        assertThat(card.contactPerson().email()).isIn("anna@sonnenschein.test", "ben@sonnenschein.test");
        assertThat(card.technicalContacts()).extracting(CardPerson::email).contains("it@sonnenschein.test");
        assertThat(card.partnerName()).isEqualTo("Muster Hosting GmbH");
        assertThat(card.partnerTechnical()).extracting(CardPerson::email).contains("noc@muster-hosting.test");
        assertThat(card.services()).contains("Cluster C-1042", "Managed Backup");
        assertThat(card.plainText((key, args) -> key)).startsWith("Bäckerei Sonnenschein (CN-10001)\n"
                + "support.card.contact-person: ");
    }

    @Test
    void an_overdue_confirmation_shows_on_the_card() {
        long kanzlei = jdbc.queryForObject("select id from organization where customer_number = 'CN-10002'",
                Long.class);

        SupportCard card = fixtures.as(DemoPeople.SUPPORT, () -> lookup.card(kanzlei));

        assertThat(card.confirmationOverdue()).isTrue();
        assertThat(card.partnerName()).isEqualTo("Muster Hosting GmbH");
    }

    @Test
    void every_card_opened_is_audited_on_the_customers_account() {
        long nordlicht = jdbc.queryForObject("select id from organization where customer_number = 'CN-10003'",
                Long.class);
        int before = lookups(nordlicht);

        fixtures.as(DemoPeople.SUPPORT, () -> lookup.card(nordlicht));

        assertThat(lookups(nordlicht)).isEqualTo(before + 1);
    }

    @Test
    void nobody_but_support_may_search_or_open_a_card_and_the_attempt_is_audited() {
        long bakery = jdbc.queryForObject("select id from organization where customer_number = 'CN-10001'",
                Long.class);
        int before = refusals(DemoPeople.ANNA);

        assertThatThrownBy(() -> fixtures.as(DemoPeople.ANNA, () -> lookup.search("Bäckerei")))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(DemoPeople.PARTNER_ADMIN, () -> lookup.card(bakery)))
                .isInstanceOf(AccessRefused.class);

        assertThat(refusals(DemoPeople.ANNA)).isEqualTo(before + 1);
    }

    private List<String> numbersFound(String text) {
        return fixtures.as(DemoPeople.SUPPORT, () -> lookup.search(text)).stream()
                .map(LookupResult::customerNumber).toList();
    }

    private int lookups(long organizationId) {
        return jdbc.queryForObject("select count(*) from audit_event where kind = 'SUPPORT_LOOKUP' "
                + "and organization_id = ? and actor_email = ?", Integer.class, organizationId, DemoPeople.SUPPORT);
    }

    private int refusals(String email) {
        return jdbc.queryForObject("select count(*) from audit_event where kind = 'ACCESS_DENIED' "
                + "and actor_email = ?", Integer.class, email);
    }
}
