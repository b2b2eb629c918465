package dev.kontor.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.base.RuleViolation;
import dev.kontor.base.StaleData;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.Fixtures.TestAccount;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.testing.MutableClock;
import dev.kontor.testing.Outbox;
import java.io.StringWriter;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

@IntegrationTest
class ContactServiceTest {

    private static final Pattern CONFIRMATION_LINK = Pattern.compile("/contact-email/([A-Za-z0-9_-]+)");

    @Autowired
    ContactService contacts;
    @Autowired
    ContactExport export;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void a_person_without_access_is_added_with_a_normalized_phone_number() {
        TestAccount account = fixtures.account("Alice");

        ContactRow added = fixtures.as(account.email("Alice"), () -> contacts.add(account.id(), new NewContact(null,
                "Tina", "Technik", "Tina.Technik@Example.TEST", "05251 / 12 34-56", "IT lead",
                Set.of(ContactType.TECHNICAL))));

        assertThat(added.email()).isEqualTo("tina.technik@example.test");
        assertThat(added.phone()).isEqualTo("+49525112345" + "6");
        assertThat(added.linked()).isFalse();
        assertThat(fixtures.as(account.email("Alice"), () -> contacts.page(account.id(), PageRequest.of(0, 10))))
                .extracting(ContactRow::name).containsExactly("Tina Technik");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where kind = 'CONTACT_ADDED' "
                + "and organization_id = ?", Integer.class, account.id())).isEqualTo(1);
    }

    @Test
    void bad_input_is_refused_field_by_field_and_nothing_is_stored() {
        TestAccount account = fixtures.account("Alice");
        String alice = account.email("Alice");

        assertRefused(alice, account, new NewContact(null, " ", "X", "x@example.test", null, null,
                Set.of(ContactType.BILLING)), "firstName", "validation.required");
        assertRefused(alice, account, new NewContact(null, "X".repeat(101), "X", "x@example.test", null, null,
                Set.of(ContactType.BILLING)), "firstName", "validation.too-long");
        assertRefused(alice, account, new NewContact(null, "<b>X</b>", "X", "x@example.test", null, null,
                Set.of(ContactType.BILLING)), "firstName", "validation.no-markup");
        assertRefused(alice, account, new NewContact(null, "X", "Y", "not-an-address", null, null,
                Set.of(ContactType.BILLING)), "email", "validation.email");
        assertRefused(alice, account, new NewContact(null, "X", "Y", "x@example.test", "call me maybe", null,
                Set.of(ContactType.BILLING)), "phone", "validation.phone");
        assertRefused(alice, account, new NewContact(null, "X", "Y", "x@example.test", null, null, Set.of()),
                "types", "contact.types.required");
        assertThat(fixtures.as(alice, () -> contacts.count(account.id()))).isZero();
    }

    @Test
    void the_same_address_twice_in_one_organization_is_refused() {
        TestAccount account = fixtures.account("Alice");
        fixtures.as(account.email("Alice"), () -> contacts.add(account.id(), person("dup@example.test")));

        assertRefused(account.email("Alice"), account, person("DUP@example.test"), "email", "contact.email-taken");
    }

    @Test
    void nobody_reads_or_adds_contacts_of_an_organization_outside_their_rights_and_the_attempt_is_audited() {
        TestAccount mine = fixtures.account("Alice");
        TestAccount theirs = fixtures.account("Bob");

        assertThatThrownBy(() -> fixtures.as(mine.email("Alice"),
                () -> contacts.page(theirs.id(), PageRequest.of(0, 10)))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> fixtures.as(mine.email("Alice"),
                () -> contacts.add(theirs.id(), person("x@example.test")))).isInstanceOf(AccessRefused.class);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where kind = 'ACCESS_DENIED' "
                + "and organization_id = ? and outcome = 'DENIED'", Integer.class, theirs.id())).isEqualTo(2);
    }

    @Test
    void a_contact_id_outside_an_organization_one_may_manage_is_refused_alike_whether_it_exists_or_not() {
        TestAccount mine = fixtures.account("Alice");
        TestAccount theirs = fixtures.account("Bob");
        ContactRow bobs = fixtures.as(theirs.email("Bob"), () -> contacts.add(theirs.id(), person(
                "bobs-" + UUID.randomUUID() + "@example.test")));
        String alice = mine.email("Alice");

        for (long contactId : new long[] {bobs.id(), Long.MAX_VALUE}) {
            assertThatThrownBy(() -> fixtures.as(alice, () -> contacts.change(theirs.id(), contactId,
                    person("x@example.test"), 0, Locale.ENGLISH))).isInstanceOf(AccessRefused.class);
            assertThatThrownBy(() -> fixtures.as(alice, () -> contacts.delete(theirs.id(), contactId, 0)))
                    .isInstanceOf(AccessRefused.class);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where kind = 'ACCESS_DENIED' "
                + "and organization_id = ? and outcome = 'DENIED'", Integer.class, theirs.id())).isEqualTo(4);
        // named with one's own organization, someone else's contact is as gone as one that never was
        assertThatThrownBy(() -> fixtures.as(alice, () -> contacts.delete(mine.id(), bobs.id(), bobs.version())))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("contact.gone"));
        assertThat(jdbc.queryForObject("select count(*) from contact where id = ?", Integer.class, bobs.id()))
                .isEqualTo(1);
    }

    @Test
    void a_contact_a_colleague_has_just_deleted_is_gone_for_the_dialog_still_open() {
        TestAccount account = fixtures.account("Alice", "Bob");
        ContactRow contact = fixtures.as(account.email("Alice"), () -> contacts.add(account.id(), person(
                "gone-" + UUID.randomUUID() + "@example.test")));
        fixtures.as(account.email("Alice"), () -> contacts.delete(account.id(), contact.id(), contact.version()));

        assertThatThrownBy(() -> fixtures.as(account.email("Bob"), () -> contacts.change(account.id(), contact.id(),
                person("pia@example.test"), contact.version(), Locale.ENGLISH)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("contact.gone"));
    }

    @Test
    void deleting_a_user_linked_contact_keeps_the_user_and_only_removes_the_types() {
        TestAccount account = fixtures.account("Alice", "Bob");
        long bob = account.userId("Bob");
        ContactRow linked = fixtures.as(account.email("Alice"), () -> contacts.add(account.id(),
                new NewContact(bob, "Bob", "Builder", null, null, null, Set.of(ContactType.BILLING))));
        assertThat(linked.email()).isEqualTo(account.email("Bob"));
        assertThat(fixtures.as(account.email("Alice"), () -> contacts.typesOfUsers(account.id(), List.of(bob))))
                .containsEntry(bob, Set.of(ContactType.BILLING));

        fixtures.as(account.email("Alice"), () -> contacts.delete(account.id(), linked.id(), linked.version()));

        assertThat(fixtures.as(account.email("Alice"), () -> contacts.typesOfUsers(account.id(), List.of(bob))))
                .isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from membership where user_id = ? and state = 'ACTIVE'",
                Integer.class, bob)).isEqualTo(1);
    }

    @Test
    void a_linked_contacts_new_address_takes_effect_only_when_confirmed_from_the_mail() {
        TestAccount account = fixtures.account("Alice", "Bob");
        ContactRow linked = fixtures.as(account.email("Alice"), () -> contacts.add(account.id(),
                new NewContact(account.userId("Bob"), "Bob", "Builder", null, null, null,
                        Set.of(ContactType.BILLING))));
        String newAddress = "bob-new-" + UUID.randomUUID() + "@example.test";

        ContactRow changed = fixtures.as(account.email("Alice"), () -> contacts.change(account.id(), linked.id(),
                new NewContact(null, "Bob", "Builder", newAddress, null, null, Set.of(ContactType.BILLING)),
                linked.version(), Locale.ENGLISH));

        assertThat(changed.email()).isEqualTo(account.email("Bob"));
        assertThat(changed.pendingEmail()).isEqualTo(newAddress);
        assertThat(outbox.to(account.email("Bob"))).noneMatch(mail -> mail.body().contains("/contact-email/"));
        String token = confirmationTokenFor(newAddress);
        assertThat(contacts.preview(token).state()).isEqualTo(EmailChangePreview.State.OPEN);

        contacts.confirm(token);

        ContactRow after = fixtures.as(account.email("Alice"), () -> contacts.page(account.id(),
                PageRequest.of(0, 10))).getFirst();
        assertThat(after.email()).isEqualTo(newAddress);
        assertThat(after.pendingEmail()).isNull();
        assertThatThrownBy(() -> contacts.confirm(token)).isInstanceOf(RuleViolation.class)
                .hasFieldOrPropertyWithValue("messageKey", "contact.confirm.unknown");
    }

    @Test
    void a_linked_contacts_old_address_and_the_accounts_managers_are_told_of_a_new_address_waiting_for_confirmation() {
        TestAccount account = fixtures.account("Alice", "Bob", "Carla");
        ContactRow linked = fixtures.as(account.email("Alice"), () -> contacts.add(account.id(),
                new NewContact(account.userId("Bob"), "Bob", "Builder", null, null, null,
                        Set.of(ContactType.BILLING))));
        String newAddress = "bob-taken-over-" + UUID.randomUUID() + "@example.test";

        // someone with MANAGE_CONTACTS (a partner, say) moves Bob's contact address to one of their own
        fixtures.as(account.email("Alice"), () -> contacts.change(account.id(), linked.id(),
                new NewContact(null, "Bob", "Builder", newAddress, null, null, Set.of(ContactType.BILLING)),
                linked.version(), Locale.GERMAN));

        assertThat(outbox.to(account.email("Bob"))).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).contains("Kontaktadresse");
            assertThat(mail.body()).contains(newAddress).contains("Alice").doesNotContain("/contact-email/");
        });
        for (String manager : List.of("Alice", "Carla")) {
            assertThat(outbox.to(account.email(manager))).singleElement().satisfies(mail -> assertThat(mail.body())
                    .contains("Bob Builder").contains(newAddress).doesNotContain("/contact-email/"));
        }
        assertThat(outbox.to(newAddress)).singleElement().satisfies(mail -> assertThat(mail.body())
                .contains("/contact-email/"));
    }

    @Test
    void an_expired_or_forged_link_changes_nothing() {
        TestAccount account = fixtures.account("Alice", "Bob");
        ContactRow linked = fixtures.as(account.email("Alice"), () -> contacts.add(account.id(),
                new NewContact(account.userId("Bob"), "Bob", "Builder", null, null, null,
                        Set.of(ContactType.BILLING))));
        String newAddress = "bob-late-" + UUID.randomUUID() + "@example.test";
        fixtures.as(account.email("Alice"), () -> contacts.change(account.id(), linked.id(), new NewContact(null, "Bob",
                "Builder", newAddress, null, null, Set.of(ContactType.BILLING)), linked.version(), Locale.ENGLISH));
        String token = confirmationTokenFor(newAddress);

        assertThatThrownBy(() -> contacts.confirm("forged-" + token.substring(7)))
                .isInstanceOf(RuleViolation.class);
        clock.advance(Duration.ofDays(8));
        assertThat(contacts.preview(token).state()).isEqualTo(EmailChangePreview.State.EXPIRED);
        assertThatThrownBy(() -> contacts.confirm(token)).isInstanceOf(RuleViolation.class)
                .hasFieldOrPropertyWithValue("messageKey", "contact.confirm.expired");

        assertThat(jdbc.queryForObject("select email from contact where id = ?", String.class, linked.id()))
                .isEqualTo(account.email("Bob"));
    }

    @Test
    void going_back_to_the_address_in_force_calls_the_pending_change_off() {
        TestAccount account = fixtures.account("Alice", "Bob");
        ContactRow linked = fixtures.as(account.email("Alice"), () -> contacts.add(account.id(),
                new NewContact(account.userId("Bob"), "Bob", "Builder", null, null, null,
                        Set.of(ContactType.BILLING))));
        String typo = "bob-typo-" + UUID.randomUUID() + "@example.test";
        ContactRow pending = fixtures.as(account.email("Alice"), () -> contacts.change(account.id(), linked.id(),
                new NewContact(null, "Bob", "Builder", typo, null, null, Set.of(ContactType.BILLING)), linked.version(),
                Locale.ENGLISH));
        String token = confirmationTokenFor(typo);

        ContactRow back = fixtures.as(account.email("Alice"), () -> contacts.change(account.id(), linked.id(),
                new NewContact(null, "Bob", "Builder", account.email("Bob"), null, null, Set.of(ContactType.BILLING)),
                pending.version(), Locale.ENGLISH));

        assertThat(back.pendingEmail()).isNull();
        assertThat(contacts.preview(token).state()).isEqualTo(EmailChangePreview.State.UNKNOWN);
    }

    @Test
    void a_confirmation_for_an_address_taken_meanwhile_ends_the_change() {
        TestAccount account = fixtures.account("Alice", "Bob");
        ContactRow linked = fixtures.as(account.email("Alice"), () -> contacts.add(account.id(),
                new NewContact(account.userId("Bob"), "Bob", "Builder", null, null, null,
                        Set.of(ContactType.BILLING))));
        String wanted = "wanted-" + UUID.randomUUID() + "@example.test";
        fixtures.as(account.email("Alice"), () -> contacts.change(account.id(), linked.id(), new NewContact(null, "Bob",
                "Builder", wanted, null, null, Set.of(ContactType.BILLING)), linked.version(), Locale.ENGLISH));
        String token = confirmationTokenFor(wanted);
        fixtures.as(account.email("Alice"), () -> contacts.add(account.id(), person(wanted)));

        assertThatThrownBy(() -> contacts.confirm(token)).isInstanceOf(RuleViolation.class)
                .hasFieldOrPropertyWithValue("messageKey", "contact.confirm.taken");

        assertThat(jdbc.queryForObject("select pending_email from contact where id = ?", String.class,
                linked.id())).isNull();
    }

    @Test
    void a_person_without_access_gets_the_new_address_at_once_and_a_stale_edit_is_refused() {
        TestAccount account = fixtures.account("Alice");
        ContactRow person = fixtures.as(account.email("Alice"), () -> contacts.add(account.id(),
                person("old-" + UUID.randomUUID() + "@example.test")));

        ContactRow changed = fixtures.as(account.email("Alice"), () -> contacts.change(account.id(), person.id(),
                new NewContact(null, "Pia", "Person", "pia@example.test", "+44 20 7946 0958", null,
                        EnumSet.of(ContactType.BUSINESS, ContactType.TECHNICAL)), person.version(), Locale.ENGLISH));

        assertThat(changed.email()).isEqualTo("pia@example.test");
        assertThat(changed.phone()).isEqualTo("+442079460958");
        assertThatThrownBy(() -> fixtures.as(account.email("Alice"), () -> contacts.change(account.id(), person.id(),
                person("x@example.test"), person.version(), Locale.ENGLISH))).isInstanceOf(StaleData.class);
    }

    @Test
    void the_csv_export_lists_the_contacts_with_formula_cells_defused() {
        TestAccount account = fixtures.account("Alice");
        fixtures.as(account.email("Alice"), () -> contacts.add(account.id(), new NewContact(null, "=cmd", "Evil",
                "evil@example.test", "+49 5251 123456", null, Set.of(ContactType.BILLING))));

        StringWriter csv = new StringWriter();
        fixtures.as(account.email("Alice"), () -> export.organization(account.id(), csv, java.util.Locale.ENGLISH));

        assertThat(csv.toString()).startsWith("organization,first name,last name,e-mail")
                .contains("'=cmd,Evil,evil@example.test").contains("'+49 5251 123456")
                // billing, technical, business, signs in: in words, as the headings are
                .contains(",yes,no,no,no").doesNotContain("true").doesNotContain("false");
    }

    @Test
    void a_german_reader_gets_the_contact_csv_in_german_separated_as_a_german_spreadsheet_expects() {
        TestAccount account = fixtures.account("Greta");
        fixtures.as(account.email("Greta"), () -> contacts.add(account.id(), new NewContact(null, "=cmd", "Böse",
                "boese@example.test", "+49 5251 123456", null, Set.of(ContactType.TECHNICAL))));
        StringWriter csv = new StringWriter();
        fixtures.as(account.email("Greta"), () -> export.organization(account.id(), csv, java.util.Locale.GERMAN));

        assertThat(csv.toString()).startsWith("Organisation;Vorname;Nachname;E-Mail;neue E-Mail (unbestätigt);"
                + "Telefon;Funktion;Abrechnung;Technik;Geschäftlich;Kontor-Zugang")
                .contains("'=cmd;Böse;boese@example.test;;'+49 5251 123456;;nein;ja;nein;nein")
                .doesNotContain("true").doesNotContain("false");
    }

    @Test
    void the_partner_tree_export_holds_the_partners_and_its_tenants_contacts_but_no_customer_accounts_own() {
        StringWriter csv = new StringWriter();
        long partner = jdbc.queryForObject("select id from organization where name = 'Muster Hosting GmbH'",
                Long.class);
        long templates = jdbc.queryForObject("select id from organization where name = 'Muster Vorlagen'",
                Long.class);
        jdbc.update("""
                insert into contact (organization_id, first_name, last_name, email, business, created_at, version)
                values (?, 'Vera', 'Vorlage', ?, true, current_timestamp, 0)""", templates,
                "vera-" + UUID.randomUUID() + "@example.test");
        dev.kontor.testing.SqlStatements.reset();

        fixtures.as(dev.kontor.testing.DemoPeople.LEGAL, () -> export.partnerTree(partner, csv, java.util.Locale.ENGLISH));

        assertThat(csv.toString()).contains("noc@muster-hosting.test", "Muster Vorlagen,Vera,Vorlage")
                .doesNotContain("anna@sonnenschein.test");
        // the rights check, the partner's name, one batch and the batch's organization names: no query per row
        assertThat(dev.kontor.testing.SqlStatements.count()).isLessThanOrEqualTo(8);
    }

    private NewContact person(String email) {
        return new NewContact(null, "Pia", "Person", email, null, null, Set.of(ContactType.BUSINESS));
    }

    private void assertRefused(String as, TestAccount account, NewContact request, String field, String key) {
        assertThatThrownBy(() -> fixtures.as(as, () -> contacts.add(account.id(), request)))
                .isInstanceOfSatisfying(InvalidInput.class, refusal -> {
                    assertThat(refusal.field()).isEqualTo(field);
                    assertThat(refusal.messageKey()).isEqualTo(key);
                });
    }

    private String confirmationTokenFor(String recipient) {
        String body = outbox.to(recipient).getLast().body();
        Matcher matcher = CONFIRMATION_LINK.matcher(body);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
