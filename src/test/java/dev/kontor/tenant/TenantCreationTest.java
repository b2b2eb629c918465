package dev.kontor.tenant;

import static dev.kontor.organization.OrganizationRight.MANAGE_TENANTS;
import static dev.kontor.organization.OrganizationRight.VIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kontor.base.AccessRefused;
import dev.kontor.base.InvalidInput;
import dev.kontor.organization.OrganizationKind;
import dev.kontor.testing.Fixtures;
import dev.kontor.testing.IntegrationTest;
import dev.kontor.tenant.TenantTestData.Customer;
import dev.kontor.tenant.TenantTestData.Partner;
import java.util.EnumSet;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creating tenants through {@link TenantService}: who may create them where, what type and character set they get,
 * which names and logos are refused, and that a refusal stores nothing.
 */
@IntegrationTest
class TenantCreationTest {

    @Autowired
    TenantService tenants;

    @Autowired
    TenantTree tree;

    @Autowired
    Fixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TenantTestData data;
    private Partner partner;

    @BeforeEach
    void data() {
        partner = data.partner();
    }

    // --- who creates where

    @Test
    void a_partner_administrator_creates_a_standard_tenant_below_the_partner() {
        TenantDetails created = fixtures.as(partner.adminEmail(), () -> tenants.create(
                standard(partner.id(), "Vorlage Nord")));

        assertThat(created.name()).isEqualTo("Vorlage Nord");
        assertThat(created.type()).isEqualTo(TenantType.STANDARD);
        assertThat(created.edition()).isEqualTo(Edition.BASIC);
        assertThat(created.characterSet()).isEqualTo("UTF-8");
        assertThat(created.needsConfiguration()).isFalse();
        assertThat(created.master().id()).isEqualTo(partner.id());
        assertThat(created.master().kind()).isEqualTo(OrganizationKind.PARTNER);
        assertThat(created.hasLogo()).isFalse();
        assertThat(created.activeAdministrators()).isZero();
        assertThat(created.forCustomer()).isFalse();
        assertThat(created.readyForHandover()).as("a partner's own tenant is never handed over").isTrue();
        assertThat(created.mayManage()).isTrue();
        assertThat(data.audit(TenantService.TENANT_CREATED, created.id())).singleElement().satisfies(event -> {
            assertThat(event.outcome()).isEqualTo("SUCCESS");
            assertThat(event.summary()).contains("Vorlage Nord");
            assertThat(event.newValue()).isEqualTo("STANDARD, BASIC, UTF-8");
            assertThat(event.actorEmail()).isEqualTo(partner.adminEmail());
        });
    }

    @Test
    void a_legal_representative_creates_tenants_below_the_partner_too() {
        TenantDetails created = fixtures.as(partner.legalEmail(), () -> tenants.create(
                standard(partner.id(), "Vorlage Süd")));

        assertThat(created.master().id()).isEqualTo(partner.id());
        assertThat(data.tenantsBelow(partner.id())).isOne();
    }

    @Test
    void a_manager_creates_tenants_below_their_customer_account_and_below_its_tenants() {
        Customer customer = data.customer();

        TenantDetails branch = fixtures.as(customer.managerEmail(), () -> tenants.create(
                standard(customer.id(), "Filiale")));
        TenantDetails unit = fixtures.as(customer.managerEmail(), () -> tenants.create(
                new NewTenant(branch.id(), "Abteilung", TenantType.STANDARD, Edition.ENTERPRISE, "UTF-8", null)));

        assertThat(branch.master().id()).isEqualTo(customer.id());
        assertThat(unit.master().id()).isEqualTo(branch.id());
        assertThat(unit.edition()).isEqualTo(Edition.ENTERPRISE);
        assertThat(data.ancestorPath(unit.id())).endsWith("/" + customer.id() + "/" + branch.id() + "/");
        assertThat(data.audit(TenantService.TENANT_CREATED, unit.id())).hasSize(1);
    }

    @Test
    void partner_leads_create_tenants_below_a_customer_that_grants_manage_tenants() {
        Customer customer = data.customerOf(partner, EnumSet.of(VIEW, MANAGE_TENANTS));

        TenantDetails byAdmin = fixtures.as(partner.adminEmail(), () -> tenants.create(
                standard(customer.id(), "Shop")));
        TenantDetails byLegal = fixtures.as(partner.legalEmail(), () -> tenants.create(
                standard(byAdmin.id(), "Shop Lager")));

        assertThat(byAdmin.master().id()).isEqualTo(customer.id());
        assertThat(byLegal.master().id()).isEqualTo(byAdmin.id());
        assertThat(byAdmin.mayManage()).isTrue();
    }

    @Test
    void a_partner_with_only_view_rights_may_not_create_tenants_below_the_customer() {
        Customer customer = data.customerOf(partner, EnumSet.of(VIEW));

        refusedAndAudited(customer.id(), () -> fixtures.as(partner.adminEmail(),
                () -> tenants.create(standard(customer.id(), "Shop"))));
        refusedAndAudited(customer.id(), () -> fixtures.as(partner.legalEmail(),
                () -> tenants.create(standard(customer.id(), "Shop"))));
        assertThat(data.tenantsBelow(customer.id())).isZero();
    }

    @Test
    void a_partner_employee_may_create_no_tenants_not_even_where_the_customer_grants_manage_tenants() {
        Customer customer = data.customerOf(partner, EnumSet.of(VIEW, MANAGE_TENANTS));

        refusedAndAudited(customer.id(), () -> fixtures.as(partner.employeeEmail(),
                () -> tenants.create(standard(customer.id(), "Shop"))));
        refusedAndAudited(partner.id(), () -> fixtures.as(partner.employeeEmail(),
                () -> tenants.create(standard(partner.id(), "Vorlage"))));
        assertThat(data.tenantsBelow(customer.id())).isZero();
        assertThat(data.tenantsBelow(partner.id())).isZero();
    }

    @Test
    void a_forged_master_id_is_refused_and_audited() {
        long unknown = 987_654_321L;

        refusedAndAudited(unknown, () -> fixtures.as(partner.adminEmail(),
                () -> tenants.create(standard(unknown, "Nowhere"))));
    }

    @Test
    void a_tenant_needs_a_master_a_type_and_a_version() {
        fixtures.as(partner.adminEmail(), () -> {
            invalid(() -> tenants.create(new NewTenant(null, "X", TenantType.STANDARD, Edition.BASIC, null, null)),
                    "master", "validation.required");
            invalid(() -> tenants.create(new NewTenant(partner.id(), "X", null, Edition.BASIC, null, null)),
                    "type", "validation.required");
            invalid(() -> tenants.create(new NewTenant(partner.id(), "X", TenantType.STANDARD, null, null, null)),
                    "edition", "validation.required");
        });
        assertThat(data.tenantsBelow(partner.id())).isZero();
    }

    // --- character sets

    @Test
    void a_standard_tenant_is_always_utf_8_and_a_forged_other_character_set_is_refused() {
        fixtures.as(partner.adminEmail(), () -> {
            assertThat(tenants.create(new NewTenant(partner.id(), "Ohne Angabe", TenantType.STANDARD, Edition.BASIC,
                    null, null)).characterSet()).isEqualTo("UTF-8");
            assertThat(tenants.create(new NewTenant(partner.id(), "Leer", TenantType.STANDARD, Edition.BASIC,
                    " ", null)).characterSet()).isEqualTo("UTF-8");
            invalid(() -> tenants.create(new NewTenant(partner.id(), "Latin", TenantType.STANDARD, Edition.BASIC,
                    "ISO-8859-1", null)), "characterSet", "tenant.charset.standard-utf8");
        });
        assertThat(data.tenantsBelow(partner.id())).isEqualTo(2);
    }

    @Test
    void a_custom_tenant_needs_a_listed_character_set_and_is_marked_for_configuration() {
        fixtures.as(partner.adminEmail(), () -> {
            invalid(() -> tenants.create(custom("Ohne", null)), "characterSet", "tenant.charset.choose");
            invalid(() -> tenants.create(custom("Koi", "KOI8-R")), "characterSet", "tenant.charset.choose");
            invalid(() -> tenants.create(custom("Klein", "utf-8")), "characterSet", "tenant.charset.choose");

            TenantDetails custom = tenants.create(custom("Altsystem", "ISO-8859-15"));

            assertThat(custom.type()).isEqualTo(TenantType.CUSTOM);
            assertThat(custom.characterSet()).isEqualTo("ISO-8859-15");
            assertThat(custom.needsConfiguration()).isTrue();
            TreeNode node = tree.children(partner.id(), TreeFilter.NONE, 0, 10).getFirst();
            assertThat(node.needsConfiguration()).isTrue();
            assertThat(node.type()).isEqualTo(TenantType.CUSTOM);
        });
        assertThat(data.tenantsBelow(partner.id())).isOne();
    }

    // --- names

    @Test
    void a_name_is_required_short_enough_and_free_of_markup() {
        fixtures.as(partner.adminEmail(), () -> {
            invalid(() -> tenants.create(standard(partner.id(), null)), "name", "validation.required");
            invalid(() -> tenants.create(standard(partner.id(), "   ")), "name", "validation.required");
            invalid(() -> tenants.create(standard(partner.id(), "x".repeat(201))), "name", "validation.too-long");
            invalid(() -> tenants.create(standard(partner.id(), "<b>Fett</b>")), "name", "validation.no-markup");

            assertThat(tenants.create(standard(partner.id(), "  " + "y".repeat(200) + "  ")).name())
                    .hasSize(200);
        });
        assertThat(data.tenantsBelow(partner.id())).isOne();
    }

    @Test
    void a_name_is_unique_among_siblings_regardless_of_case_but_free_below_another_master() {
        Customer customer = data.customer();
        fixtures.as(customer.managerEmail(), () -> {
            TenantDetails first = tenants.create(standard(customer.id(), "Filiale Nord"));

            assertThatThrownBy(() -> tenants.create(standard(customer.id(), "FILIALE nord ")))
                    .isInstanceOfSatisfying(InvalidInput.class, refusal -> {
                        assertThat(refusal.field()).isEqualTo("name");
                        assertThat(refusal.messageKey()).isEqualTo("tenant.name-taken");
                        assertThat(refusal.arguments()).containsExactly("FILIALE nord");
                    });

            TenantDetails below = tenants.create(standard(first.id(), "Filiale Nord"));
            assertThat(below.master().id()).isEqualTo(first.id());
        });
        TenantDetails elsewhere = fixtures.as(partner.adminEmail(),
                () -> tenants.create(standard(partner.id(), "filiale nord")));
        assertThat(elsewhere.name()).isEqualTo("filiale nord");
        assertThat(data.tenantsBelow(customer.id())).isOne();
    }

    // --- logos

    @Test
    void a_good_png_logo_is_stored_and_read_back() {
        byte[] png = TenantTestData.image(200, 60, "png");

        TenantDetails created = fixtures.as(partner.adminEmail(), () -> tenants.create(
                new NewTenant(partner.id(), "Mit Logo", TenantType.STANDARD, Edition.PROFESSIONAL, null, png)));

        assertThat(created.hasLogo()).isTrue();
        CheckedLogo logo = fixtures.as(partner.adminEmail(), () -> tenants.logo(created.id())).orElseThrow();
        assertThat(logo.mediaType()).isEqualTo(CheckedLogo.PNG);
        assertThat(logo.content()).isEqualTo(png);
        assertThat(logo.width()).isEqualTo(200);
        assertThat(logo.height()).isEqualTo(60);
        assertThat(created.logoVersion()).isEqualTo(logo.sha256());
        assertThat(fixtures.as(partner.employeeEmail(), () -> tenants.logo(created.id()))).isPresent();
        assertThat(data.audit(TenantService.TENANT_CREATED, created.id())).singleElement()
                .satisfies(event -> assertThat(event.newValue()).endsWith("logo image/png"));
        TreeNode node = fixtures.as(partner.adminEmail(),
                () -> tree.children(partner.id(), TreeFilter.NONE, 0, 10)).getFirst();
        assertThat(node.hasLogo()).isTrue();
    }

    @Test
    void without_a_logo_there_is_none_to_read() {
        TenantDetails created = fixtures.as(partner.adminEmail(), () -> tenants.create(
                new NewTenant(partner.id(), "Ohne Logo", TenantType.STANDARD, Edition.BASIC, null, new byte[0])));

        assertThat(created.hasLogo()).isFalse();
        assertThat(fixtures.as(partner.adminEmail(), () -> tenants.logo(created.id()))).isEmpty();
    }

    @Test
    void a_refused_logo_stores_nothing_neither_the_organization_nor_the_tenant() {
        byte[] gif = TenantTestData.image(100, 40, "gif");
        byte[] tooWide = TenantTestData.image(500, 100, "png");
        byte[] notAnImage = "MZ this is no picture".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] tooLarge = new byte[LogoCheck.MAX_BYTES + 1];
        System.arraycopy(TenantTestData.image(10, 10, "png"), 0, tooLarge, 0, 8);
        byte[] tooTall = TenantTestData.image(100, 121, "png");
        byte[] unsafeSvg = UNSAFE_SVG.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int before = data.tenantsBelow(partner.id());

        fixtures.as(partner.adminEmail(), () -> {
            invalid(() -> tenants.create(withLogo("Gif", gif)), "logo", "tenant.logo.unsupported");
            invalid(() -> tenants.create(withLogo("Breit", tooWide)), "logo", "tenant.logo.dimensions");
            invalid(() -> tenants.create(withLogo("Hoch", tooTall)), "logo", "tenant.logo.dimensions");
            invalid(() -> tenants.create(withLogo("Exe", notAnImage)), "logo", "tenant.logo.unsupported");
            invalid(() -> tenants.create(withLogo("Gross", tooLarge)), "logo", "tenant.logo.too-large");
            invalid(() -> tenants.create(withLogo("Skript", unsafeSvg)), "logo", "tenant.logo.svg-unsafe");
        });

        assertThat(data.tenantsBelow(partner.id())).isEqualTo(before).isZero();
        assertThat(jdbc.queryForObject("select count(*) from organization where parent_id = ?", Integer.class,
                partner.id())).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where kind = ? and summary like ?",
                Integer.class, TenantService.TENANT_CREATED, "Tenant Gif %")).isZero();
    }

    @Test
    void a_refused_new_logo_leaves_the_tenants_logo_as_it_was() {
        byte[] first = TenantTestData.image(120, 40, "png");
        TenantDetails created = fixtures.as(partner.adminEmail(), () -> tenants.create(withLogo("Logo bleibt", first)));
        int changes = data.audit(TenantService.TENANT_LOGO_CHANGED, created.id()).size();

        fixtures.as(partner.adminEmail(), () -> {
            invalid(() -> tenants.changeLogo(created.id(), UNSAFE_SVG.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    "logo", "tenant.logo.svg-unsafe");
            invalid(() -> tenants.changeLogo(created.id(), TenantTestData.image(401, 40, "png")), "logo",
                    "tenant.logo.dimensions");
            invalid(() -> tenants.changeLogo(created.id(), "MZ no picture".getBytes(
                    java.nio.charset.StandardCharsets.US_ASCII)), "logo", "tenant.logo.unsupported");
        });

        CheckedLogo kept = fixtures.as(partner.adminEmail(), () -> tenants.logo(created.id())).orElseThrow();
        assertThat(kept.content()).isEqualTo(first);
        assertThat(data.audit(TenantService.TENANT_LOGO_CHANGED, created.id())).hasSize(changes);
    }

    private static final String UNSAFE_SVG = """
            <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>
            """;

    // --- helpers

    private NewTenant withLogo(String name, byte[] logo) {
        return new NewTenant(partner.id(), name, TenantType.STANDARD, Edition.BASIC, null, logo);
    }

    private static NewTenant standard(long masterId, String name) {
        return new NewTenant(masterId, name, TenantType.STANDARD, Edition.BASIC, null, null);
    }

    private NewTenant custom(String name, String characterSet) {
        return new NewTenant(partner.id(), name, TenantType.CUSTOM, Edition.PROFESSIONAL, characterSet, null);
    }

    private static void invalid(ThrowingCallable attempt, String field, String messageKey) {
        assertThatThrownBy(attempt).isInstanceOfSatisfying(InvalidInput.class, refusal -> {
            assertThat(refusal.field()).isEqualTo(field);
            assertThat(refusal.messageKey()).isEqualTo(messageKey);
        });
    }

    private void refusedAndAudited(long organizationId, ThrowingCallable attempt) {
        int before = data.denials(organizationId);
        assertThatThrownBy(attempt).isInstanceOf(AccessRefused.class);
        assertThat(data.denials(organizationId)).isEqualTo(before + 1);
    }
}
