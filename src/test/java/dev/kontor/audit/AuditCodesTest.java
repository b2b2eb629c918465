package dev.kontor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.i18n.DefaultI18NProvider;
import dev.kontor.base.SupportedLanguages;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Values written as codes are said in the reader's words, whichever version wrote them; odd values stay as written. */
class AuditCodesTest {

    private final DefaultI18NProvider texts = new DefaultI18NProvider(SupportedLanguages.ALL);

    @Test
    void a_partnerships_state_and_rights_are_said_in_words() {
        assertThat(change("PARTNER_REQUEST_ACCEPTED", "REQUESTED VIEW,MANAGE_USERS", "ACTIVE VIEW", Locale.ENGLISH))
                .isEqualTo("Requested: See the account, Manage users → Active: See the account");
        assertThat(change("PARTNER_RELATIONSHIP_REVOKED", "ACTIVE VIEW,BILLING", "REVOKED", Locale.GERMAN))
                .doesNotContain("ACTIVE", "BILLING", "REVOKED").contains(" → ");
        assertThat(change("PARTNER_RIGHTS_CHANGED", "-", "VIEW,ADMIN", Locale.ENGLISH))
                .isEqualTo("no rights → See the account, Administer everything");
        assertThat(change("RELATIONSHIP_REQUEST_EXPIRED", "REQUESTED", "EXPIRED", Locale.ENGLISH))
                .isEqualTo("Requested → Expired");
    }

    @Test
    void access_rules_reviews_and_tenants_are_said_in_words() {
        assertThat(change("ACCESS_POLICY_CHANGED", "reason false, notify false", "reason true, notify false",
                Locale.ENGLISH)).isEqualTo("reason or ticket required: no; contact person told: no → "
                + "reason or ticket required: yes; contact person told: no");
        assertThat(change("GRANTED_RIGHTS_REVIEWED", "review pending", "reviewed", Locale.GERMAN))
                .isEqualTo("Prüfung offen → geprüft");
        assertThat(change("TENANT_CREATED", null, "STANDARD, BASIC, UTF-8, logo image/png", Locale.ENGLISH))
                .isEqualTo("— → Standard, Basic, UTF-8, with a logo (image/png)");
        assertThat(change("TENANT_SETTINGS_CHANGED",
                "TenantSettings[defaultLanguage=null, timeZone=null, senderName=null]",
                "TenantSettings[defaultLanguage=de, timeZone=Europe/Berlin, senderName=Café, am Markt]", Locale.ENGLISH))
                .isEqualTo("language: —, time zone: —, sender name: — → "
                        + "language: de, time zone: Europe/Berlin, sender name: Café, am Markt");
    }

    @Test
    void a_value_of_another_shape_or_kind_stays_as_written() {
        assertThat(change("PARTNER_RIGHTS_CHANGED", "VIEW,SOMETHING_NEW", "ACTIVE", Locale.ENGLISH))
                .isEqualTo("VIEW,SOMETHING_NEW → Active");
        assertThat(change("ACCOUNT_DATA_CHANGED", "ACTIVE VIEW", "reviewed", Locale.ENGLISH))
                .isEqualTo("ACTIVE VIEW → reviewed");
        assertThat(change("TENANT_CREATED", null, "<b>typed</b>", Locale.ENGLISH)).isEqualTo("— → <b>typed</b>");
    }

    private String change(String kind, String before, String after, Locale locale) {
        AuditRow row = new AuditRow(1, Instant.EPOCH, kind, AuditOutcome.SUCCESS, "a@example.test", null, null, 1L,
                "Org",
                null, "", null, null, before, after, null);
        AuditReading reading = AuditReading.of((key, arguments) -> texts.getTranslation(key, locale, arguments),
                locale, ZoneId.of("Europe/Berlin"));
        String old = row.oldValueIn(reading);
        String now = row.newValueIn(reading);
        return (old == null ? "—" : old) + " → " + (now == null ? "—" : now);
    }
}
