package dev.kontor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

class AuditRowTest {

    @Test
    void an_api_token_of_the_partner_it_acts_for_names_the_partner_once() {
        assertThat(row("API token \u201cSync\u201d of Muster Hosting", "Muster Hosting").onBehalfOfUnsaid()).isNull();
        assertThat(row("API token \u201cSync\u201d of Muster Hosting, reason: T-1", "Muster Hosting")
                .onBehalfOfUnsaid()).isNull();
    }

    @Test
    void a_person_or_another_organizations_token_keeps_on_whose_behalf_it_acted() {
        assertThat(row("lena@muster.test", "Muster Hosting").onBehalfOfUnsaid()).isEqualTo("Muster Hosting");
        assertThat(row("API token \u201cSync\u201d of Muster Hosting", "Other Partner").onBehalfOfUnsaid())
                .isEqualTo("Other Partner");
        assertThat(row("lena@muster.test", null).onBehalfOfUnsaid()).isNull();
    }

    @Test
    void an_api_token_acting_is_said_in_the_readers_language_while_the_record_stays_english() {
        AuditRow row = row("API token \u201cSync\u201d of Muster Hosting GmbH, reason: T-1", "Muster Hosting GmbH");

        assertThat(row.actorIn(in(Locale.GERMAN)))
                .isEqualTo("API-Token \u201eSync\u201c von Muster Hosting GmbH, Grund: T-1");
        assertThat(row("API token \u201cSync\u201d of Muster Hosting GmbH", null).actorIn(in(Locale.GERMAN)))
                .isEqualTo("API-Token \u201eSync\u201c von Muster Hosting GmbH");
        assertThat(row.actorIn(in(Locale.ENGLISH)))
                .isEqualTo("API token \u201cSync\u201d of Muster Hosting GmbH, reason: T-1");
        assertThat(row.actorAsRecorded(in(Locale.GERMAN)))
                .isEqualTo("API token \u201cSync\u201d of Muster Hosting GmbH, reason: T-1");
        assertThat(row("lena@muster.test", null).actorIn(in(Locale.GERMAN))).isEqualTo("lena@muster.test");
    }

    private static BiFunction<String, Object[], String> in(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("vaadin-i18n.translations", locale);
        return (key, arguments) -> new MessageFormat(bundle.getString(key), locale).format(arguments);
    }

    private static AuditRow row(String actor, String onBehalfOf) {
        return new AuditRow(1, Instant.EPOCH, "CONTACT_ADDED", AuditOutcome.SUCCESS, actor, null, onBehalfOf, 2L, "Customer",
                "CN-10001", "summary", null, null, null, null, null);
    }
}
