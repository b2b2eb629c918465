package dev.kontor.security;

import com.vaadin.flow.i18n.I18NProvider;
import dev.kontor.base.KontorException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/**
 * Judges one attempt of the matrix: what the data looked like before and after (one query per table: its row count
 * and the summed versions of the victim's rows), whether a refusal was audited, and whether anything the attacker
 * was shown names the victim.
 */
final class Judge {

    /** How an attempt ended. */
    enum Outcome {
        /** A refusal the person is told about (AccessRefused, or a rule's "not found"/"not allowed"). */
        REFUSED,
        /** Refused by Spring Security before the service ran (not signed in, or not the application itself). */
        REFUSED_BY_SECURITY,
        /** Answered with nothing: an empty list, Optional, count or a "no". */
        EMPTY,
        /** Ran through: a hole. */
        SUCCEEDED,
        /** Failed with an unexpected exception: the person would see "Something went wrong". */
        FAILED
    }

    private final JdbcTemplate jdbc;
    private final MatrixWorld world;
    private final I18NProvider texts;
    private final Map<String, String> snapshotQueries = new LinkedHashMap<>();

    Judge(JdbcTemplate jdbc, MatrixWorld world, I18NProvider texts) {
        this.jdbc = jdbc;
        this.world = world;
        this.texts = texts;
        String organizations = world.organizations().stream().map(String::valueOf)
                .collect(Collectors.joining(",", "(", ")"));
        String members = "(select user_id from membership where organization_id in " + organizations + ")";
        versioned("organization", "id in " + organizations);
        versioned("membership", "organization_id in " + organizations);
        versioned("app_user", "id in " + members);
        versioned("customer_account", "organization_id in " + organizations);
        versioned("tenant", "organization_id in " + organizations);
        versioned("invitation", "organization_id in " + organizations);
        versioned("partner_relationship", "customer_id in " + organizations + " or partner_id in " + organizations);
        versioned("access_session", "customer_id in " + organizations);
        versioned("access_policy", "customer_id in " + organizations);
        versioned("contact", "organization_id in " + organizations);
        versioned("content_copy", "target_id in " + organizations);
        versioned("platform_notice", "1 = 0");
        counted("service");
        counted("customer_assignment");
        counted("access_notice");
        counted("tenant_logo");
        counted("closed_request_link");
        counted("second_factor");
        counted("second_factor_recovery_code");
        counted("remembered_browser");
        // background jobs of other tests may still be sending: only mail to or about the victim and intruder counts
        snapshotQueries.put("outgoing_mail", "select count(*), 0 from outgoing_mail where recipient like '%"
                + world.tag + "%' or subject like '%" + world.tag + "%'");
    }

    private void versioned(String table, String victimRows) {
        snapshotQueries.put(table, "select (select count(*) from " + table + "), (select coalesce(sum(version), 0) from "
                + table + " where " + victimRows + ")");
    }

    private void counted(String table) {
        snapshotQueries.put(table, "select count(*), 0 from " + table);
    }

    /** Row count and victim's versions per table. */
    Map<String, String> snapshot() {
        Map<String, String> snapshot = new LinkedHashMap<>();
        snapshotQueries.forEach((table, query) -> snapshot.put(table, jdbc.queryForObject(query,
                (row, number) -> row.getLong(1) + " rows, versions " + row.getLong(2))));
        return snapshot;
    }

    static List<String> changes(Map<String, String> before, Map<String, String> after) {
        List<String> changes = new ArrayList<>();
        before.forEach((table, was) -> {
            if (!was.equals(after.get(table))) {
                changes.add("changed " + table + ": " + was + " -> " + after.get(table));
            }
        });
        return changes;
    }

    long lastAuditId() {
        return jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
    }

    /** Refusals audited since {@code afterId} with this person as the actor. */
    int denialsSince(long afterId, String actorEmail) {
        return jdbc.queryForObject("select count(*) from audit_event where id > ? and outcome = 'DENIED' and "
                + "actor_email = ?", Integer.class, afterId, actorEmail);
    }

    static Outcome outcomeOf(Throwable thrown, Object result) {
        if (thrown != null) {
            if (thrown instanceof KontorException) {
                return Outcome.REFUSED;
            }
            if (thrown instanceof AccessDeniedException || thrown instanceof AuthenticationException) {
                return Outcome.REFUSED_BY_SECURITY;
            }
            return Outcome.FAILED;
        }
        return isEmpty(result) ? Outcome.EMPTY : Outcome.SUCCEEDED;
    }

    private static boolean isEmpty(Object result) {
        return switch (result) {
            case null -> false;
            case Boolean answer -> !answer;
            case Number count -> count.longValue() == 0;
            case Optional<?> optional -> optional.isEmpty();
            case Collection<?> collection -> collection.isEmpty();
            case Map<?, ?> map -> map.isEmpty();
            case Slice<?> slice -> slice.isEmpty();
            case String text -> text.isBlank();
            default -> false;
        };
    }

    /** What the attacker is told: the exception's message in English and German, and the answer itself. */
    String shown(Throwable thrown, Object result) {
        StringBuilder shown = new StringBuilder();
        if (thrown instanceof KontorException refusal) {
            shown.append(texts.getTranslation(refusal.messageKey(), Locale.ENGLISH, refusal.arguments()))
                    .append('\n')
                    .append(texts.getTranslation(refusal.messageKey(), Locale.GERMAN, refusal.arguments()));
        } else if (thrown != null) {
            shown.append(thrown.getMessage());
        }
        if (result != null) {
            shown.append('\n').append(result);
        }
        return shown.toString();
    }

    /** The victim's names and addresses that appear in the text and that this attacker has no right to know. */
    List<String> leaks(String text, Attacker attacker) {
        return world.secrets.entrySet().stream()
                .filter(secret -> !secret.getValue().contains(attacker) && text.contains(secret.getKey()))
                .map(Map.Entry::getKey).toList();
    }

    /** Numbers in a refusal's message that the attacker did not pass: counts or ids of the victim. */
    static List<String> numbersIn(Throwable thrown, Targets targets) {
        if (!(thrown instanceof KontorException refusal)) {
            return List.of();
        }
        String passed = targets.toString();
        List<String> numbers = new ArrayList<>();
        for (Object argument : refusal.arguments()) {
            if (argument instanceof Number number && !passed.contains("=" + number + ",")) {
                numbers.add("message carries the number " + number);
            }
        }
        return numbers;
    }
}
