package dev.kontor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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

    private static AuditRow row(String actor, String onBehalfOf) {
        return new AuditRow(1, Instant.EPOCH, "CONTACT_ADDED", AuditOutcome.SUCCESS, actor, null, onBehalfOf, 2L, "Customer",
                "CN-10001", "summary", null, null, null, null, null);
    }
}
