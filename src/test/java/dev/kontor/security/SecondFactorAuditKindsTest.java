package dev.kontor.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kontor.organization.SecondFactorPolicy;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

/**
 * Every event of a second factor (set up, turned off, recovery codes renewed or used, a wrong or throttled code, the
 * second step passed or skipped, an organization's requirement changed, a reminder, a reset) is a kind the audit log
 * names in English and German, so that it can be filtered for and is never shown as a bare code.
 */
class SecondFactorAuditKindsTest {

    @Test
    void every_second_factor_event_kind_has_a_name_in_the_audit_log_in_both_languages() throws Exception {
        List<String> kinds = new ArrayList<>();
        for (Class<?> type : List.of(SecondFactors.class, SecondStep.class, SecondFactorPolicy.class)) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                    field.setAccessible(true);
                    String value = (String) field.get(null);
                    if (value != null && value.matches("SECOND_[A-Z_]+")) {
                        kinds.add(value);
                    }
                }
            }
        }
        assertThat(kinds).contains("SECOND_FACTOR_SET_UP", "SECOND_FACTOR_REMOVED", "SECOND_FACTOR_RESET",
                "SECOND_FACTOR_RECOVERY_CODE_USED", "SECOND_FACTOR_CODE_FAILED", "SECOND_STEP_PASSED",
                "SECOND_FACTOR_REQUIREMENT_CHANGED", "SECOND_FACTOR_REMINDED");
        for (Locale language : List.of(Locale.ROOT, Locale.GERMAN)) {
            ResourceBundle bundle = ResourceBundle.getBundle("vaadin-i18n/translations", language,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            assertThat(kinds).allSatisfy(kind -> assertThat(bundle.containsKey("audit.kind." + kind))
                    .as("audit.kind.%s in %s", kind, language).isTrue());
        }
    }
}
