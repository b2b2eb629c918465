package dev.kontor.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import com.vaadin.flow.component.UI;
import dev.kontor.access.AccessSessions;
import dev.kontor.account.AccountDetails;
import dev.kontor.account.AccountService;
import dev.kontor.account.ManagerService;
import dev.kontor.account.MasterData;
import dev.kontor.audit.AuditFilter;
import dev.kontor.audit.AuditQueries;
import dev.kontor.base.InvalidInput;
import dev.kontor.contact.ContactService;
import dev.kontor.contact.ContactType;
import dev.kontor.contact.NewContact;
import dev.kontor.corpus.BadInputs.Hostile;
import dev.kontor.corpus.BadInputs.Kind;
import dev.kontor.corpus.BadInputs.LogCapture;
import dev.kontor.notice.NoticeAudience;
import dev.kontor.notice.PlatformNotices;
import dev.kontor.organization.CustomerNumber;
import dev.kontor.organization.OrganizationRight;
import dev.kontor.partner.ManagedCustomerFilter;
import dev.kontor.partner.ManagedCustomerService;
import dev.kontor.partner.NewCustomer;
import dev.kontor.partner.PartnerService;
import dev.kontor.support.SupportLookup;
import dev.kontor.tenant.Edition;
import dev.kontor.tenant.NewTenant;
import dev.kontor.tenant.TenantAdministrators;
import dev.kontor.tenant.TenantService;
import dev.kontor.tenant.TenantSettings;
import dev.kontor.tenant.TenantTree;
import dev.kontor.tenant.TenantType;
import dev.kontor.account.AccountCard;
import dev.kontor.testing.DemoPeople;
import dev.kontor.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bad-input corpus at the door every form goes through: each text input of each service, called as a person
 * who may use it, with each hostile input of its kind. Each is refused with the field's own message, stores
 * nothing, and logs nothing above WARN; searches simply find nothing. Run on H2 and on PostgreSQL, which refuses
 * a NUL in any text it is sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AutoConfigureMockMvc
abstract class ServiceInputCorpus {

    private static final Locale EN = Locale.ENGLISH;
    private int tried;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;
    @Autowired
    ManagerService managers;
    @Autowired
    AccountService accounts;
    @Autowired
    ContactService contacts;
    @Autowired
    PartnerService partners;
    @Autowired
    TenantService tenants;
    @Autowired
    TenantAdministrators tenantAdministrators;
    @Autowired
    AccessSessions accessSessions;
    @Autowired
    PlatformNotices notices;
    @Autowired
    SupportLookup support;
    @Autowired
    ManagedCustomerService managedCustomers;
    @Autowired
    AuditQueries audit;
    @Autowired
    TenantTree tenantTree;
    @Autowired
    dev.kontor.provider.AccountAdministration accountAdministration;
    @Autowired
    dev.kontor.provider.PartnerAdministration partnerAdministration;
    @Autowired
    dev.kontor.provider.ServiceAdministration serviceAdministration;
    @Autowired
    dev.kontor.provider.ProviderStaff providerStaff;

    /** One text input of a service: who calls it, how, and which message each kind of hostile text gets. */
    private record Input(String name, String person, String field, Function<Kind, String> expected,
                         Consumer<String> call) {

        @Override
        public String toString() {
            return name;
        }
    }

    private Map<String, Input> inputs;

    @BeforeEach
    void aTab() {
        // access sessions remember the browser tab they were started in
        UI.setCurrent(new UI());
    }

    @AfterEach
    void noTab() {
        UI.setCurrent(null);
    }

    private long id(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    private Map<String, Input> inputs() {
        if (inputs != null) {
            return inputs;
        }
        long sonnenschein = id("SELECT id FROM organization WHERE customer_number = 'CN-10001'");
        long muster = id("SELECT id FROM organization WHERE kind = 'PARTNER' AND name = 'Muster Hosting GmbH'");
        long filialeNord = id("SELECT id FROM organization WHERE name = 'Sonnenschein Filiale Nord'");
        String anna = DemoPeople.ANNA;
        String legal = DemoPeople.LEGAL;
        String admin = DemoPeople.PARTNER_ADMIN;
        String operator = "operator@kontor.test";
        Function<Kind, String> required = BadInputs.requiredText();
        Function<Kind, String> optional = BadInputs.optionalText();
        Function<Kind, String> email = kind -> "validation.email";
        inputs = new java.util.LinkedHashMap<>();
        inputs.put("Add manager: name", new Input("Add manager: name", anna, "name", optional,
                v -> managers.addManager(sonnenschein, "new-" + System.nanoTime() + "@example.test", v, EN)));
        inputs.put("Add manager: e-mail", new Input("Add manager: e-mail", anna, "email", email,
                v -> managers.addManager(sonnenschein, v, "New Manager", EN)));
        for (String field : List.of("companyName", "street", "city")) {
            inputs.put("Account data: " + field, new Input("Account data: " + field, anna, field,
                    field.equals("companyName") ? required : optional,
                    v -> changeMasterData(sonnenschein, field, v)));
        }
        inputs.put("Account data: postalCode", new Input("Account data: postalCode", anna, "postalCode",
                kind -> kind == Kind.EMPTY || kind == Kind.BLANK ? null
                        : kind == Kind.TOO_LONG ? "validation.too-long" : kind == Kind.MARKUP ? "validation.no-markup"
                        : "validation.hidden-characters",
                v -> changeMasterData(sonnenschein, "postalCode", v)));
        inputs.put("Account data: country", new Input("Account data: country", anna, "country",
                kind -> kind == Kind.EMPTY || kind == Kind.BLANK ? null : "validation.country",
                v -> changeMasterData(sonnenschein, "country", v)));
        inputs.put("Account data: billing e-mail", new Input("Account data: billing e-mail", anna, "billingEmail",
                kind -> kind == Kind.EMPTY || kind == Kind.BLANK ? null : "validation.email",
                v -> changeMasterData(sonnenschein, "billingEmail", v)));
        inputs.put("Account data: emergency phone", new Input("Account data: emergency phone", anna, "emergencyPhone",
                kind -> kind == Kind.EMPTY || kind == Kind.BLANK ? null : "validation.phone",
                v -> changeMasterData(sonnenschein, "emergencyPhone", v)));
        inputs.put("Contact: first name", new Input("Contact: first name", anna, "firstName", required, v -> contacts.add(sonnenschein,
                new NewContact(null, v, "Technik", "tina@example.test", null, null, Set.of(ContactType.TECHNICAL)))));
        inputs.put("Contact: last name", new Input("Contact: last name", anna, "lastName", required, v -> contacts.add(sonnenschein,
                new NewContact(null, "Tina", v, "tina@example.test", null, null, Set.of(ContactType.TECHNICAL)))));
        inputs.put("Contact: job title", new Input("Contact: job title", anna, "jobTitle", optional, v -> contacts.add(sonnenschein,
                new NewContact(null, "Tina", "Technik", "tina@example.test", null, v, Set.of(ContactType.TECHNICAL)))));
        inputs.put("Contact: e-mail", new Input("Contact: e-mail", anna, "email", email, v -> contacts.add(sonnenschein,
                new NewContact(null, "Tina", "Technik", v, null, null, Set.of(ContactType.TECHNICAL)))));
        inputs.put("Contact: phone", new Input("Contact: phone", anna, "phone",
                kind -> kind == Kind.EMPTY || kind == Kind.BLANK ? null
                        : kind == Kind.CONTROL || kind == Kind.HIDDEN ? "validation.hidden-characters"
                        : "validation.phone",
                v -> contacts.add(sonnenschein, new NewContact(null, "Tina", "Technik", "tina@example.test", v, null,
                        Set.of(ContactType.TECHNICAL)))));
        inputs.put("Add customer: company name", new Input("Add customer: company name", legal, "companyName", required,
                v -> partners.addCustomer(muster, new NewCustomer(v, "new-" + System.nanoTime() + "@example.test",
                        "New Manager", EnumSet.of(OrganizationRight.VIEW)), EN)));
        inputs.put("Add customer: manager name", new Input("Add customer: manager name", legal, "managerName", optional,
                v -> partners.addCustomer(muster, new NewCustomer("Neukunde GmbH",
                        "new-" + System.nanoTime() + "@example.test", v, EnumSet.of(OrganizationRight.VIEW)), EN)));
        inputs.put("Add customer: manager e-mail", new Input("Add customer: manager e-mail", legal, "managerEmail", email,
                v -> partners.addCustomer(muster, new NewCustomer("Neukunde GmbH", v, "New Manager",
                        EnumSet.of(OrganizationRight.VIEW)), EN)));
        inputs.put("Request relationship: customer number", new Input("Request relationship: customer number", legal, "customerNumber",
                kind -> "validation.customer-number",
                v -> partners.prepareRequest(muster, v, "dora@nordlicht.test", EnumSet.of(OrganizationRight.VIEW),
                        EN)));
        inputs.put("Request relationship: manager e-mail", new Input("Request relationship: manager e-mail", legal, "managerEmail", email,
                v -> partners.prepareRequest(muster, "CN-10003", v, EnumSet.of(OrganizationRight.VIEW), EN)));
        inputs.put("New tenant: name", new Input("New tenant: name", anna, "name", required, v -> tenants.create(
                new NewTenant(sonnenschein, v, TenantType.STANDARD, Edition.BASIC, "UTF-8", null))));
        inputs.put("Tenant settings: sender name", new Input("Tenant settings: sender name", anna, "senderName", optional,
                v -> changeSettings(filialeNord, new TenantSettings(null, null, v))));
        inputs.put("Tenant settings: language", new Input("Tenant settings: language", anna, "defaultLanguage",
                kind -> kind == Kind.EMPTY || kind == Kind.BLANK ? null : "tenant.settings.language.invalid",
                v -> changeSettings(filialeNord, new TenantSettings(v, null, null))));
        inputs.put("Tenant settings: time zone", new Input("Tenant settings: time zone", anna, "timeZone",
                kind -> kind == Kind.EMPTY || kind == Kind.BLANK ? null : "tenant.settings.time-zone.invalid",
                v -> changeSettings(filialeNord, new TenantSettings(null, v, null))));
        inputs.put("Add tenant administrator: name", new Input("Add tenant administrator: name", anna, "name", required,
                v -> tenantAdministrators.add(filialeNord, "new-" + System.nanoTime() + "@example.test", v, EN)));
        inputs.put("Add tenant administrator: e-mail", new Input("Add tenant administrator: e-mail", anna, "email", email,
                v -> tenantAdministrators.add(filialeNord, v, "New Administrator", EN)));
        inputs.put("Access account: reason", new Input("Access account: reason", admin, "reason", optional,
                v -> accessSessions.start(muster, new CustomerNumber("CN-10001"), v)));
        inputs.put("Platform notice: subject", new Input("Platform notice: subject", operator, "subject",
                kind -> kind == Kind.CONTROL ? "notice.subject.one-line" : required.apply(kind),
                v -> notices.send(ContactType.TECHNICAL, v, "Body", NoticeAudience.chosen(List.of(), List.of()), EN)));
        inputs.put("Platform notice: body", new Input("Platform notice: body", operator, "body",
                kind -> switch (kind) {
                    case EMPTY, BLANK -> "validation.required";
                    case TOO_LONG -> "validation.too-long";
                    case CONTROL, HIDDEN -> "validation.hidden-characters-multi-line";
                    case MARKUP, LINK -> null; // a plain-text mail: angle brackets are text there
                },
                v -> notices.send(ContactType.TECHNICAL, "Subject", v, NoticeAudience.chosen(List.of(), List.of()),
                        EN)));
        providerAdministration(operator, required, optional, email);
        return inputs;
    }

    /** The provider administrator's forms: accounts, their data and services, partners, staff, reasons. */
    private void providerAdministration(String operator, Function<Kind, String> required,
                                        Function<Kind, String> optional, Function<Kind, String> email) {
        long account = id("SELECT id FROM organization WHERE customer_number = 'CN-10003'");
        Function<Kind, String> customerNumber = kind -> kind == Kind.EMPTY || kind == Kind.BLANK ? null
                : "validation.customer-number";
        java.util.function.BiConsumer<String, Function<String, dev.kontor.provider.NewAccount>> newAccount =
                (field, of) -> inputs.put("Provider: new account: " + field, new Input("Provider: new account: "
                        + field, operator, field, field.equals("customerNumber") ? customerNumber
                        : field.equals("managerEmail") ? email : required,
                        v -> accountAdministration.createAccount(of.apply(v), EN)));
        newAccount.accept("name", v -> new dev.kontor.provider.NewAccount(null, v, null, null, null, null,
                "new-" + System.nanoTime() + "@example.test", "New Manager", null, null));
        newAccount.accept("customerNumber", v -> new dev.kontor.provider.NewAccount(v, "Neukonto GmbH", null, null,
                null, null, "new-" + System.nanoTime() + "@example.test", "New Manager", null, null));
        newAccount.accept("managerEmail", v -> new dev.kontor.provider.NewAccount(null, "Neukonto GmbH", null, null,
                null, null, v, "New Manager", null, null));
        newAccount.accept("managerName", v -> new dev.kontor.provider.NewAccount(null, "Neukonto GmbH", null, null,
                null, null, "new-" + System.nanoTime() + "@example.test", v, null, null));
        for (String field : List.of("name", "street", "postalCode", "city", "country")) {
            Function<Kind, String> expected = switch (field) {
                case "name" -> required;
                case "postalCode" -> kind -> kind == Kind.EMPTY || kind == Kind.BLANK ? null
                        : kind == Kind.TOO_LONG ? "validation.too-long" : kind == Kind.MARKUP ? "validation.no-markup"
                        : "validation.hidden-characters";
                case "country" -> kind -> kind == Kind.EMPTY || kind == Kind.BLANK ? null : "validation.country";
                default -> optional;
            };
            inputs.put("Provider: account data: " + field, new Input("Provider: account data: " + field, operator,
                    field, expected, v -> accountAdministration.updateAccount(account,
                            accountAdministration.accountData(account).dataVersion(),
                            new dev.kontor.provider.AccountChange(field.equals("name") ? v : "Nordlicht Reisen",
                                    field.equals("street") ? v : null, field.equals("postalCode") ? v : null,
                                    field.equals("city") ? v : null, field.equals("country") ? v : null))));
        }
        inputs.put("Provider: suspend account: reason", new Input("Provider: suspend account: reason", operator,
                "reason", optional, v -> accountAdministration.suspend(account,
                        accountAdministration.account(account).version(), v)));
        inputs.put("Provider: close account: reason", new Input("Provider: close account: reason", operator,
                "reason", optional, v -> accountAdministration.close(account,
                        accountAdministration.account(account).version(), v)));
        inputs.put("Provider: add service: name", new Input("Provider: add service: name", operator, "name",
                required, v -> serviceAdministration.addService(account, v, dev.kontor.account.ServiceKind.CLUSTER)));
        inputs.put("Provider: new partner: name", new Input("Provider: new partner: name", operator, "name",
                required, v -> partnerAdministration.createPartner(new dev.kontor.provider.NewPartner(v,
                        "new-" + System.nanoTime() + "@example.test", "New Representative"), EN)));
        inputs.put("Provider: new partner: representative e-mail", new Input(
                "Provider: new partner: representative e-mail", operator, "representativeEmail", email,
                v -> partnerAdministration.createPartner(new dev.kontor.provider.NewPartner("Neupartner GmbH", v,
                        "New Representative"), EN)));
        inputs.put("Provider: invite staff: e-mail", new Input("Provider: invite staff: e-mail", operator, "email",
                email, v -> providerStaff.invite(v, "New Support", dev.kontor.organization.MembershipRole.SUPPORT,
                        EN)));
        inputs.put("Provider: invite staff: name", new Input("Provider: invite staff: name", operator, "name",
                required, v -> providerStaff.invite("new-" + System.nanoTime() + "@example.test", v,
                        dev.kontor.organization.MembershipRole.SUPPORT, EN)));
    }

    private void changeMasterData(long accountId, String field, String value) {
        AccountDetails details = accounts.details(new CustomerNumber(
                jdbc.queryForObject("SELECT customer_number FROM organization WHERE id = ?", String.class, accountId)));
        MasterData d = details.masterData();
        MasterData changed = new MasterData(
                field.equals("companyName") ? value : d.companyName(), field.equals("street") ? value : d.street(),
                field.equals("postalCode") ? value : d.postalCode(), field.equals("city") ? value : d.city(),
                field.equals("country") ? value : d.country(),
                field.equals("billingEmail") ? value : d.billingEmail(),
                field.equals("emergencyPhone") ? value : d.emergencyPhone());
        accounts.updateMasterData(accountId, details.version(), changed);
    }

    private void changeSettings(long tenantId, TenantSettings settings) {
        tenants.changeSettings(tenantId, settings, tenants.details(tenantId).profileVersion());
    }

    Stream<Arguments> textCases() {
        List<Arguments> cases = new ArrayList<>();
        inputs().forEach((name, input) -> {
            List<?> values = input.expected().apply(Kind.EMPTY) != null && input.expected().apply(Kind.EMPTY)
                    .equals("validation.email") ? BadInputs.EMAILS : BadInputs.TEXTS;
            if (input.field().toLowerCase(Locale.ROOT).endsWith("phone")) {
                values = BadInputs.PHONES;
            }
            for (Object value : values) {
                Hostile hostile = value instanceof Hostile h ? h : new Hostile(kindOf((String) value),
                        BadInputs.describe((String) value), (String) value);
                if (input.field().equals("body") && hostile.kind() == Kind.CONTROL
                        && dev.kontor.base.TextRules.isPlainText(hostile.value())) {
                    continue; // line breaks and tabs belong in a notice's body
                }
                String expected = input.expected().apply(hostile.kind());
                if (expected != null && input.field().equals("postalCode")
                        && hostile.value().strip().length() > MasterData.POSTAL_CODE_MAX) {
                    expected = "validation.too-long"; // the length is checked first
                }
                if (input.field().equals("body") && hostile.kind() == Kind.TOO_LONG
                        && hostile.value().length() <= PlatformNotices.BODY_MAX_LENGTH) {
                    continue; // a long notice is no hostile one
                }
                if (input.name().equals("Contact: e-mail") && hostile.value().isBlank()) {
                    expected = "validation.required";
                }
                if (expected != null) {
                    cases.add(Arguments.of(Named.of(name, input), hostile, expected));
                }
            }
            if (NAMES.contains(name)) {
                BadInputs.LINKS_IN_NAMES.forEach(link -> cases.add(Arguments.of(Named.of(name, input), link,
                        "validation.name-looks-like-address")));
            }
            if (name.equals("Access account: reason")) {
                // the contact person may be told of the entry, with the reason
                BadInputs.LINKS_IN_NAMES.forEach(link -> cases.add(Arguments.of(Named.of(name, input), link,
                        "validation.text-looks-like-address")));
            }
        });
        assertThat(inputs().keySet()).as("every name input is in the corpus").containsAll(NAMES);
        return cases.stream();
    }

    /** The inputs that name a person or an organization, which Kontor's mails show (see TextRules). */
    private static final Set<String> NAMES = Set.of("Add manager: name", "Account data: companyName",
            "Contact: first name", "Contact: last name", "Add customer: company name", "Add customer: manager name",
            "New tenant: name", "Tenant settings: sender name", "Add tenant administrator: name",
            "Provider: new account: name", "Provider: new account: managerName", "Provider: account data: name",
            "Provider: new partner: name", "Provider: invite staff: name");

    /** E-mail addresses and phone numbers are refused whatever is wrong; the kind only picks a phone's message. */
    private static Kind kindOf(String value) {
        if (value.isBlank()) {
            return value.isEmpty() ? Kind.EMPTY : Kind.BLANK;
        }
        return dev.kontor.base.TextRules.isPlainLine(value.strip()) ? Kind.MARKUP : Kind.HIDDEN;
    }

    @ParameterizedTest(name = "{0} refuses {1}")
    @MethodSource("textCases")
    void a_hostile_text_is_refused_with_the_fields_message_stores_nothing_and_logs_no_error(Input input,
            Hostile hostile, String expectedKey) {
        tried++;
        Map<String, Long> before = BadInputs.snapshot(jdbc);
        Throwable thrown;
        List<String> errors;
        try (LogCapture log = new LogCapture()) {
            thrown = catchThrowable(() -> fixtures.as(input.person(), () -> input.call().accept(hostile.value())));
            errors = log.aboveWarn();
        }

        String attempt = input + " with " + hostile;
        assertThat(thrown).as("refusal of " + attempt).isInstanceOf(InvalidInput.class);
        InvalidInput refusal = (InvalidInput) thrown;
        assertThat(refusal.field()).as("field of " + attempt).isEqualTo(input.field());
        assertThat(refusal.messageKey()).as("message of " + attempt).isEqualTo(expectedKey);
        assertThat(BadInputs.snapshot(jdbc)).as("rows and versions after " + attempt).isEqualTo(before);
        assertThat(errors).as("log above WARN after " + attempt).isEmpty();
    }

    Stream<Arguments> searchCases() {
        List<Arguments> cases = new ArrayList<>();
        long muster = id("SELECT id FROM organization WHERE kind = 'PARTNER' AND name = 'Muster Hosting GmbH'");
        Map<String, Map.Entry<String, Consumer<String>>> searches = new java.util.LinkedHashMap<>();
        searches.put("Support lookup", Map.entry(DemoPeople.SUPPORT,
                v -> assertThat(support.search(v)).isEmpty()));
        searches.put("Dashboard filter", Map.entry(DemoPeople.ANNA,
                v -> assertThat(accounts.myAccounts(v, PageRequest.of(0, 24)).getContent())
                        .extracting(AccountCard::name).allMatch(n -> n.contains(v))));
        searches.put("Managed customers filter", Map.entry(DemoPeople.LEGAL, v -> {
            assertThat(managedCustomers.rows(muster, new ManagedCustomerFilter(v, true), PageRequest.of(0, 50)))
                    .isEmpty();
            assertThat(managedCustomers.count(muster, new ManagedCustomerFilter(v, true))).isZero();
        }));
        searches.put("Audit log filter", Map.entry(DemoPeople.SUPPORT, v -> {
            assertThat(audit.rows(new AuditFilter(null, null, v, v, null), PageRequest.of(0, 50))).isEmpty();
            assertThat(audit.count(new AuditFilter(null, null, v, v, null))).isZero();
        }));
        searches.put("Tenant tree search", Map.entry(DemoPeople.ANNA,
                v -> assertThat(tenantTree.search(v).matches()).isEmpty()));
        searches.forEach((name, search) -> BadInputs.SEARCHES.stream()
                // the emoji and the too long text are ordinary searches that may well find nothing
                .forEach(v -> cases.add(Arguments.of(Named.of(name, search), BadInputs.describe(v), v))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("searchCases")
    void a_hostile_search_finds_nothing_and_fails_nowhere(Map.Entry<String, Consumer<String>> search,
                                                          String label, String value) {
        tried++;
        Map<String, Long> before = BadInputs.snapshot(jdbc);
        try (LogCapture log = new LogCapture()) {
            assertThatCode(() -> fixtures.as(search.getKey(), () -> search.getValue().accept(value)))
                    .doesNotThrowAnyException();
            assertThat(log.aboveWarn()).isEmpty();
        }
        assertThat(BadInputs.snapshot(jdbc)).isEqualTo(before);
    }

    /** Uploads that are no logo Kontor may show: empty, oversized, renamed, broken, or SVG that could run. */
    static Stream<Arguments> uploads() {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
                + "width=\"100\" height=\"40\">";
        byte[] pngSignature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        byte[] huge = new byte[5 * 1024 * 1024];
        System.arraycopy(pngSignature, 0, huge, 0, pngSignature.length);
        Map<String, byte[]> uploads = new java.util.LinkedHashMap<>();
        uploads.put("nothing", new byte[0]);
        uploads.put("one byte", new byte[] {0});
        uploads.put("5 MB behind a PNG signature", huge);
        uploads.put("a program renamed to .png", "MZ\u0090\u0000 this program cannot be run in DOS mode"
                .getBytes(StandardCharsets.ISO_8859_1));
        uploads.put("an ELF program", new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1, 0});
        uploads.put("an HTML page", "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        uploads.put("a PDF", "%PDF-1.7\n1 0 obj<</JS(alert(1))>>".getBytes(StandardCharsets.ISO_8859_1));
        uploads.put("a GIF", "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1));
        uploads.put("a PNG signature and garbage", concat(pngSignature, "<script>alert(1)</script>"
                .getBytes(StandardCharsets.UTF_8)));
        uploads.put("a JPEG start only", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0});
        for (String inside : List.of("<script>alert(1)</script>", "<rect width=\"5\" height=\"5\" onload=\"alert(1)\"/>",
                "<a><animate attributeName=\" href\" values=\"javascript:alert(1)\"/></a>",
                "<a><set attributeName=\"XLINK:HREF\" to=\"javascript:alert(1)\"/></a>",
                "<image href=\"https://tracker.test/p.png\" width=\"1\" height=\"1\"/>",
                "<image href=\"data:image/svg+xml;base64,PHN2Zy8+\" width=\"1\" height=\"1\"/>",
                "<foreignObject><div xmlns=\"http://www.w3.org/1999/xhtml\">x</div></foreignObject>",
                "<style>@import url(//evil.test/x.css);</style>",
                "<rect width=\"5\" height=\"5\" style=\"fill:url(//evil.test/x#p)\"/>")) {
            uploads.put("SVG with " + inside, (svg + inside + "</svg>").getBytes(StandardCharsets.UTF_8));
        }
        uploads.put("SVG with an external entity", ("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + svg
                + "<text>&x;</text></svg>").getBytes(StandardCharsets.UTF_8));
        uploads.put("SVG entity bomb", ("<!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
                + svg + "<text>&b;</text></svg>").getBytes(StandardCharsets.UTF_8));
        uploads.put("SVG far too wide", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100000\" height=\"40\"/>"
                .getBytes(StandardCharsets.UTF_8));
        uploads.put("SVG nested 10,000 deep", (svg + "<g>".repeat(10_000) + "</g>".repeat(10_000) + "</svg>")
                .getBytes(StandardCharsets.UTF_8));
        return uploads.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @ParameterizedTest(name = "logo: {0}")
    @MethodSource("uploads")
    void a_hostile_logo_upload_is_refused_at_the_logo_field_and_stores_nothing(String label, byte[] upload) {
        tried++;
        long tenant = id("SELECT id FROM organization WHERE name = 'Muster Vorlagen'");
        Map<String, Long> before = BadInputs.snapshot(jdbc);
        Throwable thrown;
        List<String> errors;
        try (LogCapture log = new LogCapture()) {
            thrown = catchThrowable(() -> fixtures.as(DemoPeople.PARTNER_ADMIN,
                    () -> tenants.changeLogo(tenant, upload)));
            errors = log.aboveWarn();
        }
        assertThat(thrown).as(label).isInstanceOf(InvalidInput.class);
        assertThat(((InvalidInput) thrown).field()).isEqualTo("logo");
        assertThat(((InvalidInput) thrown).messageKey()).startsWith("tenant.logo.");
        assertThat(BadInputs.snapshot(jdbc)).isEqualTo(before);
        assertThat(errors).isEmpty();
    }

    @Autowired
    MockMvc mvc;

    static Stream<String> signInAddresses() {
        return BadInputs.EMAILS.stream();
    }

    @ParameterizedTest(name = "sign-in as {0}")
    @MethodSource("signInAddresses")
    void a_hostile_sign_in_address_is_an_ordinary_failed_sign_in_recorded_visibly(String typed) throws Exception {
        tried++;
        Map<String, Long> before = BadInputs.snapshot(jdbc);
        try (LogCapture log = new LogCapture()) {
            mvc.perform(formLogin("/login").user(typed).password("wrong password")).andExpect(unauthenticated());
            assertThat(log.aboveWarn()).as("log above WARN").isEmpty();
        }
        assertThat(BadInputs.snapshot(jdbc)).isEqualTo(before);
        List<String> recorded = jdbc.queryForList("SELECT actor_email FROM audit_event ORDER BY id DESC LIMIT 3",
                String.class);
        assertThat(recorded).allMatch(dev.kontor.base.TextRules::isPlainLine);
    }

    @AfterAll
    void count() {
        BadInputs.report(getClass().getSimpleName(), tried);
    }
}
