package dev.kontor.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditContactValueTest {

    private static AuditReading reading(Map<String, String> words) {
        return AuditReading.record((key, arguments) -> words.getOrDefault(key, key));
    }

    @Test
    void a_contacts_types_are_said_in_the_readers_words_and_its_phone_as_the_contacts_grid_shows_it() {
        String stored = "Rita Rechnung <rita@sonnenschein.test>, +495251999, [BILLING, TECHNICAL]";

        assertThat(AuditValue.said("CONTACT_ADDED", stored, reading(Map.of("contact.type.BILLING", "Billing",
                "contact.type.TECHNICAL", "Technical"))))
                .isEqualTo("Rita Rechnung <rita@sonnenschein.test>, +49 5251 999, Billing, Technical");
        assertThat(AuditValue.said("CONTACT_REMOVED", stored, reading(Map.of("contact.type.BILLING", "Rechnung",
                "contact.type.TECHNICAL", "Technisch"))))
                .isEqualTo("Rita Rechnung <rita@sonnenschein.test>, +49 5251 999, Rechnung, Technisch");
    }

    @Test
    void a_contact_without_phone_keeps_its_job_title_and_an_unknown_type_stays_as_stored() {
        assertThat(AuditValue.said("CONTACT_CHANGED", "Tom Technik <tom@x.test>, CTO, [TECHNICAL]",
                reading(Map.of("contact.type.TECHNICAL", "Technical"))))
                .isEqualTo("Tom Technik <tom@x.test>, CTO, Technical");
        assertThat(AuditValue.said("CONTACT_CHANGED", "Tom Technik <tom@x.test>, [SOMETHING]", reading(Map.of())))
                .isEqualTo("Tom Technik <tom@x.test>, [SOMETHING]");
    }
}
