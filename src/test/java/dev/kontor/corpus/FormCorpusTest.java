package dev.kontor.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dev.kontor.access.ui.AccessStartView;
import dev.kontor.account.ui.DashboardView;
import dev.kontor.contact.ContactType;
import dev.kontor.corpus.BadInputs.Hostile;
import dev.kontor.corpus.BadInputs.Kind;
import dev.kontor.corpus.BadInputs.LogCapture;
import dev.kontor.notice.ui.PlatformNoticesView;
import dev.kontor.provider.ui.ProviderStaffView;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.ui.ManagedCustomersView;
import dev.kontor.tenant.ui.TenantWorkspaceView;
import dev.kontor.tenant.ui.TenantsView;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.DialogSections;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.ViewTest;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bad-input corpus in the forms, as a person uses them (browserless): each hostile input typed into a field
 * of each form and sent. The field turns invalid with the expected message next to it, nothing is stored, nothing
 * is logged above WARN, and the typed text never becomes markup anywhere on the page.
 */
@ViewTest
class FormCorpusTest extends SpringBrowserlessTest {

    private static int tried;

    /** The hostile texts typed into every field: one or more of each kind. */
    private static final List<Hostile> TYPED = BadInputs.TEXTS.stream()
            .filter(h -> Set.of("empty", "blanks", "10,000 characters", "NUL", "line feed", "CR LF header injection",
                    "escape sequence", "next line (C1)", "right-to-left override", "isolates", "left-to-right mark",
                    "zero-width space", "byte order mark", "line separator", "soft hyphen", "Hangul filler as a name",
                    "script element", "attribute breakout").contains(h.label()))
            .toList();

    private static final Properties ENGLISH = english();

    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    dev.kontor.account.AccountService accounts;

    /** A form: who opens it, how, how its other fields are filled validly, and how it is sent. */
    private record Form(String name, String person, Consumer<FormCorpusTest> open, Consumer<FormCorpusTest> fillValid,
                        String submit) {

        @Override
        public String toString() {
            return name;
        }
    }

    /** A field of a form and the messages it may show for each kind of hostile text. */
    private record FieldCase(Form form, String fieldId, FieldRule rule) {
    }

    private enum FieldRule { REQUIRED, OPTIONAL, EMAIL, OPTIONAL_EMAIL, PHONE, OPTIONAL_PHONE, BODY }

    private static final Form ACCOUNT_DATA = new Form("Account data", DemoPeople.ANNA,
            t -> t.navigate("accounts/CN-10001", DashboardView.class), t -> { }, "save-master-data");
    private static final Form ADD_MANAGER = new Form("Add manager", DemoPeople.ANNA, t -> {
        t.navigate("accounts/CN-10001", DashboardView.class);
        DialogSections.open(DialogSections.MANAGERS);
        t.click("add-manager");
    }, t -> {
        t.type("new-manager-email", "corpus-" + System.nanoTime() + "@example.test");
        t.type("new-manager-name", "Nina Neu");
    }, "submit-new-manager");
    private static final Form CONTACT = new Form("Add contact", DemoPeople.ANNA, t -> {
        t.navigate("accounts/CN-10001", DashboardView.class);
        DialogSections.open(DialogSections.CONTACTS);
        t.click("add-contact");
    }, t -> {
        t.type("contact-first-name", "Tina");
        t.type("contact-last-name", "Technik");
        t.type("contact-email", "tina-" + System.nanoTime() + "@example.test");
        @SuppressWarnings("unchecked")
        CheckboxGroup<ContactType> types = t.find(CheckboxGroup.class).withId("contact-types").single();
        types.setValue(Set.of(ContactType.TECHNICAL));
    }, "save-contact");
    private static final Form ADD_CUSTOMER = new Form("Add customer", DemoPeople.LEGAL, t -> {
        t.navigate(ManagedCustomersView.class);
        t.click("add-customer");
    }, t -> {
        t.type("new-customer-name", "Frische Brise KG");
        t.type("new-customer-manager-email", "brise-" + System.nanoTime() + "@example.test");
        t.type("new-customer-manager-name", "Bruno Brise");
        @SuppressWarnings("unchecked")
        CheckboxGroup<OrganizationRight> rights = t.find(CheckboxGroup.class).withId("new-customer-rights")
                .single();
        rights.setValue(Set.of(OrganizationRight.VIEW));
    }, "submit-new-customer");
    private static final Form REQUEST = new Form("Request relationship", DemoPeople.LEGAL, t -> {
        t.navigate(ManagedCustomersView.class);
        t.click("request-relationship");
    }, t -> {
        t.type("request-customer-number", "CN-10003");
        t.type("request-manager-email", "dora@nordlicht.test");
    }, "review-request");
    private static final Form NEW_TENANT = new Form("New tenant", DemoPeople.PARTNER_ADMIN, t -> {
        t.navigate(TenantsView.class);
        t.click("new-tenant");
    }, t -> t.type("tenant-name", "Vorlage " + System.nanoTime()), "create-tenant");
    private static final Form TENANT_SETTINGS = new Form("Tenant settings", DemoPeople.PARTNER_ADMIN,
            t -> t.navigate("tenant/" + t.id("SELECT id FROM organization WHERE name = 'Muster Vorlagen'"),
                    TenantWorkspaceView.class), t -> { }, "save-tenant-settings");
    private static final Form ADD_ADMINISTRATOR = new Form("Add tenant administrator", DemoPeople.PARTNER_ADMIN,
            t -> {
                t.navigate("tenant/" + t.id("SELECT id FROM organization WHERE name = 'Muster Vorlagen'"),
                        TenantWorkspaceView.class);
                t.click("add-administrator");
            }, t -> {
                t.type("administrator-email", "ada-" + System.nanoTime() + "@example.test");
                t.type("administrator-name", "Ada Admin");
            }, "send-activation");
    private static final Form ACCESS = new Form("Access account", DemoPeople.PARTNER_ADMIN,
            t -> t.navigate("access/CN-10001", AccessStartView.class), t -> { }, "enter-account");
    private static final Form NOTICE = new Form("Platform notice", "operator@kontor.test", t -> {
        t.navigate(PlatformNoticesView.class);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<ContactType> kind = t.find(RadioButtonGroup.class).withId("notice-kind").single();
        t.test(kind).selectItem("Technical");
    }, t -> {
        t.type("notice-subject", "Maintenance");
        t.type("notice-body", "Sunday 02:00 to 04:00.");
    }, "send-notice");

    private static final Form INVITE_STAFF = new Form("Invite provider staff", "operator@kontor.test", t -> {
        t.navigate(ProviderStaffView.class);
        t.click("invite-staff");
    }, t -> {
        t.type("staff-email", "staff-" + System.nanoTime() + "@example.test");
        t.type("staff-name", "Sam Support");
    }, "send-staff-invitation");

    static Stream<Arguments> cases() {
        List<FieldCase> fields = List.of(
                new FieldCase(ACCOUNT_DATA, "company-name", FieldRule.REQUIRED),
                new FieldCase(ACCOUNT_DATA, "billing-email", FieldRule.OPTIONAL_EMAIL),
                new FieldCase(ACCOUNT_DATA, "emergency-phone", FieldRule.OPTIONAL_PHONE),
                new FieldCase(ADD_MANAGER, "new-manager-email", FieldRule.EMAIL),
                new FieldCase(ADD_MANAGER, "new-manager-name", FieldRule.OPTIONAL),
                new FieldCase(CONTACT, "contact-first-name", FieldRule.REQUIRED),
                new FieldCase(CONTACT, "contact-last-name", FieldRule.REQUIRED),
                new FieldCase(CONTACT, "contact-email", FieldRule.EMAIL),
                new FieldCase(CONTACT, "contact-phone", FieldRule.OPTIONAL_PHONE),
                new FieldCase(CONTACT, "contact-job-title", FieldRule.OPTIONAL),
                new FieldCase(ADD_CUSTOMER, "new-customer-name", FieldRule.REQUIRED),
                new FieldCase(ADD_CUSTOMER, "new-customer-manager-email", FieldRule.EMAIL),
                new FieldCase(ADD_CUSTOMER, "new-customer-manager-name", FieldRule.OPTIONAL),
                new FieldCase(REQUEST, "request-manager-email", FieldRule.EMAIL),
                new FieldCase(NEW_TENANT, "tenant-name", FieldRule.REQUIRED),
                new FieldCase(TENANT_SETTINGS, "tenant-sender", FieldRule.OPTIONAL),
                new FieldCase(ADD_ADMINISTRATOR, "administrator-email", FieldRule.EMAIL),
                new FieldCase(ADD_ADMINISTRATOR, "administrator-name", FieldRule.REQUIRED),
                new FieldCase(ACCESS, "access-reason", FieldRule.OPTIONAL),
                new FieldCase(NOTICE, "notice-subject", FieldRule.REQUIRED),
                new FieldCase(NOTICE, "notice-body", FieldRule.BODY),
                new FieldCase(INVITE_STAFF, "staff-email", FieldRule.EMAIL),
                new FieldCase(INVITE_STAFF, "staff-name", FieldRule.REQUIRED));
        List<Arguments> cases = new ArrayList<>();
        for (FieldCase field : fields) {
            for (Hostile hostile : TYPED) {
                Set<String> expected = expectedKeys(field.rule(), hostile);
                if (!expected.isEmpty()) {
                    cases.add(Arguments.of(Named.of(field.form().name() + ": " + field.fieldId(), field), hostile,
                            expected));
                }
            }
            if (NAME_FIELDS.contains(field.fieldId()) || field.fieldId().equals("access-reason")) {
                // two of the links are enough here: the service corpus tries every one at the service's door
                String key = field.fieldId().equals("access-reason") ? "validation.text-looks-like-address"
                        : "validation.name-looks-like-address";
                BadInputs.LINKS_IN_NAMES.stream().limit(2).forEach(link -> cases.add(Arguments.of(Named.of(
                        field.form().name() + ": " + field.fieldId(), field), link, Set.of(key))));
            }
        }
        assertThat(fields.stream().map(FieldCase::fieldId).toList()).containsAll(NAME_FIELDS);
        return cases.stream();
    }

    /** The fields that name a person or an organization, which Kontor's mails show (see TextRules). */
    private static final Set<String> NAME_FIELDS = Set.of("company-name", "new-manager-name", "contact-first-name",
            "contact-last-name", "new-customer-name", "new-customer-manager-name", "tenant-name", "tenant-sender",
            "administrator-name", "staff-name");

    /** The message keys that are a clear answer for this field and this kind of text; empty: not hostile here. */
    private static Set<String> expectedKeys(FieldRule rule, Hostile hostile) {
        boolean empty = hostile.kind() == Kind.EMPTY || hostile.kind() == Kind.BLANK;
        return switch (rule) {
            case REQUIRED -> Set.of(BadInputs.requiredText().apply(hostile.kind()));
            case OPTIONAL -> empty ? Set.of() : Set.of(BadInputs.requiredText().apply(hostile.kind()));
            // the field's own syntax check may speak first: "    " is no address, and too long is too long
            case EMAIL -> empty ? Set.of("validation.required", "validation.email-required", "validation.email")
                    : hostile.kind() == Kind.TOO_LONG ? Set.of("validation.email", "validation.too-long")
                    : Set.of("validation.email");
            case OPTIONAL_EMAIL -> empty ? Set.of() : hostile.kind() == Kind.TOO_LONG
                    ? Set.of("validation.email", "validation.too-long") : Set.of("validation.email");
            case PHONE, OPTIONAL_PHONE -> empty ? Set.of()
                    : Set.of("validation.phone", "validation.hidden-characters", "validation.too-long");
            case BODY -> switch (hostile.kind()) {
                case EMPTY, BLANK -> Set.of("validation.required");
                case TOO_LONG, MARKUP, LINK -> Set.of(); // a long notice or one with angle brackets is an ordinary one
                case CONTROL, HIDDEN -> hostile.value().contains("\u0000") || hostile.value().contains("\u001B")
                        || hostile.value().contains("\u0085") || hostile.kind() == Kind.HIDDEN
                        ? Set.of("validation.hidden-characters-multi-line") : Set.of();
            };
        };
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("cases")
    void a_hostile_text_gets_a_message_next_to_the_field_stores_nothing_and_never_becomes_markup(FieldCase field,
            Hostile hostile, Set<String> expectedKeys) {
        tried++;
        fixtures.signIn(field.form().person());
        Map<String, Long> before = BadInputs.snapshot(jdbc);
        List<String> errors;
        try (LogCapture log = new LogCapture()) {
            field.form().open().accept(this);
            field.form().fillValid().accept(this);
            type(field.fieldId(), hostile.value());
            click(field.form().submit());
            if (find(ConfirmDialog.class).withId("confirm-send-notice").exists()) {
                // a notice to everyone is confirmed before it goes out: then the service has the last word
                test(find(ConfirmDialog.class).withId("confirm-send-notice").single()).confirm();
            }

            HasValidation input = (HasValidation) fieldById(field.fieldId());
            String attempt = field.form().name() + ": " + field.fieldId() + " with " + hostile;
            assertThat(input.isInvalid()).as("invalid after " + attempt).isTrue();
            assertThat(input.getErrorMessage()).as("message after " + attempt)
                    .matches(message -> expectedKeys.stream().anyMatch(key -> english(key).matcher(message).matches()),
                            "is the English text of one of " + expectedKeys);
            // the typed text may be shown (as the field's value), but never as markup
            assertThat(find(Html.class).all()).as("markup after " + attempt)
                    .noneMatch(html -> html.getInnerHtml().contains(hostile.value()));
            errors = log.aboveWarn();
        }
        assertThat(BadInputs.snapshot(jdbc)).as("rows and versions").isEqualTo(before);
        assertThat(errors).as("log above WARN").isEmpty();
    }

    /**
     * Odd but harmless text: SQL fragments, quotes, percent signs, emoji, other scripts. It is no attack on a
     * database that binds its parameters, so it is kept exactly as typed, changes nothing else, and every page
     * shows it as text.
     */
    @ParameterizedTest(name = "company name {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Robert'); DROP TABLE organization;--",
        "' OR '1'='1", "50% & mehr_", "Zuckerguss Hütte 🥐", "Zebra 👩\u200D💻 Team", "שלום GmbH",
        "日本語の会社", "Quirk \\ Söhne \"quoted\""})
    void harmless_odd_text_is_kept_exactly_and_shown_as_text(String companyName) {
        // names no other test searches for: the view tests share one database
        tried++;
        Fixtures.TestAccount account = fixtures.account("Alice");
        fixtures.signIn(account.email("Alice"));
        Map<String, Long> before = BadInputs.snapshot(jdbc);
        try (LogCapture log = new LogCapture()) {
            navigate("accounts/" + account.customerNumber(), DashboardView.class);
            type("company-name", companyName);
            click("save-master-data");

            assertThat(((HasValidation) fieldById("company-name")).isInvalid()).isFalse();
            assertThat(accounts.details(new dev.kontor.organization.CustomerNumber(account.customerNumber()))
                    .masterData().companyName()).isEqualTo(companyName);
            navigate("", DashboardView.class);
            // the card carries the name as text or in a property: either way escaped, so unescaped here
            assertThat(org.jsoup.parser.Parser.unescapeEntities(getCurrentView().getElement().getOuterHTML(), false))
                    .contains(companyName);
            assertThat(find(Html.class).all()).noneMatch(html -> html.getInnerHtml().contains(companyName));
            assertThat(log.aboveWarn()).isEmpty();
        }
        Map<String, Long> after = BadInputs.snapshot(jdbc);
        // the rename is the one change: the organization's and the account's versions, and their audit
        after.keySet().stream().filter(key -> !key.endsWith(".versions"))
                .forEach(table -> assertThat(after.get(table)).as(table).isEqualTo(before.get(table)));
    }

    @AfterAll
    static void count() {
        BadInputs.report("forms", tried);
    }

    // --- driving the forms

    long id(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    void click(String id) {
        test(find(Button.class).withId(id).single()).click();
    }

    void type(String id, String value) {
        Component field = fieldById(id);
        if (field instanceof TextField text) {
            test(text).setValue(value);
        } else if (field instanceof EmailField email) {
            test(email).setValue(value);
        } else {
            test((TextArea) field).setValue(value);
        }
    }

    private Component fieldById(String id) {
        for (Class<? extends Component> type : List.of(TextField.class, EmailField.class, TextArea.class)) {
            if (find(type).withId(id).exists()) {
                return find(type).withId(id).single();
            }
        }
        throw new AssertionError("No field " + id);
    }

    /**
     * The English text of a message, with any words in place of its arguments (the length limit, which a
     * {@code {0,choice,…}} says as "one character" or "200 characters").
     */
    private static java.util.regex.Pattern english(String key) {
        String text = ENGLISH.getProperty(key);
        assertThat(text).as(key).isNotNull();
        List<String> parts = new java.util.ArrayList<>();
        StringBuilder part = new StringBuilder();
        int depth = 0;
        for (char c : text.replace("''", "'").toCharArray()) {
            if (c == '{' && depth++ == 0) {
                parts.add(part.toString());
                part.setLength(0);
            } else if (c == '}' && --depth == 0) {
                continue;
            } else if (depth == 0) {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return java.util.regex.Pattern.compile(parts.stream().map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".+?")));
    }

    private static Properties english() {
        Properties bundle = new Properties();
        try (Reader in = new InputStreamReader(FormCorpusTest.class.getResourceAsStream(
                "/vaadin-i18n/translations.properties"), StandardCharsets.UTF_8)) {
            bundle.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bundle;
    }
}
