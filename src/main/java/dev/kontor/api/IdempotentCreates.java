package dev.kontor.api;

import dev.kontor.user.Callers;
import dev.kontor.base.SecretTokens;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates that a client may safely retry: with an {@code Idempotency-Key}, the first answer (201 and its body) is kept
 * per token for the retention (24 h by default) and given again for the same key and the same request; the same key
 * with another request is a 422, and while the first is still running a 409. A create that fails keeps nothing, so
 * that the client can correct it and retry with the same key.
 */
@Component
class IdempotentCreates {

    static final String HEADER = "Idempotency-Key";
    static final int MAX_KEY_LENGTH = 255;
    private static final int RUNNING = 0;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ApiLimits limits;
    private final Clock clock;
    private final TransactionTemplate separately;

    private final Callers callers;

    IdempotentCreates(JdbcClient jdbc, JsonMapper json, ApiLimits limits, Clock clock,
                      PlatformTransactionManager transactions, Callers callers) {
        this.callers = callers;
        this.jdbc = jdbc;
        this.json = json;
        this.limits = limits;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Runs the create (once per key), answering 201 with what it returns as JSON. */
    ResponseEntity<Object> create(HttpServletRequest request, Object requestIdentity, Supplier<Object> create) {
        return create(request, requestIdentity, HttpStatus.CREATED, create);
    }

    /** As {@link #create(HttpServletRequest, Object, Supplier)}, answering {@code answer} (202 for a request taken). */
    ResponseEntity<Object> create(HttpServletRequest request, Object requestIdentity, HttpStatus answer,
                                  Supplier<Object> create) {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return answered(answer, json.writeValueAsString(create.get()));
        }
        if (!isKey(key)) {
            throw new dev.kontor.base.InvalidInput(HEADER, "api.error.idempotency-key");
        }
        long tokenId = callers.requirePerson().apiToken().orElseThrow().tokenId();
        String hash = SecretTokens.hash(canonical(json.valueToTree(requestIdentity)).toString());
        Instant now = clock.instant();
        Instant cutoff = now.minus(limits.idempotencyRetention());
        try {
            separately.executeWithoutResult(status -> {
                jdbc.sql("DELETE FROM api_idempotency WHERE created_at < :cutoff").param("cutoff", utc(cutoff))
                        .update();
                jdbc.sql("""
                                INSERT INTO api_idempotency (token_id, idempotency_key, request_hash, status, created_at)
                                VALUES (:token, :key, :hash, :status, :now)""")
                        .param("token", tokenId).param("key", key).param("hash", hash).param("status", RUNNING)
                        .param("now", utc(now)).update();
            });
        } catch (DuplicateKeyException taken) {
            // read in a transaction of its own: PostgreSQL answers nothing more in one whose statement failed
            return replay(separately.execute(status -> stored(tokenId, key)), hash);
        }
        String body;
        try {
            body = json.writeValueAsString(create.get());
        } catch (RuntimeException failed) {
            separately.executeWithoutResult(status -> jdbc.sql(
                            "DELETE FROM api_idempotency WHERE token_id = :token AND idempotency_key = :key")
                    .param("token", tokenId).param("key", key).update());
            throw failed;
        }
        separately.executeWithoutResult(status -> jdbc.sql("""
                        UPDATE api_idempotency SET status = :status, response_body = :body
                        WHERE token_id = :token AND idempotency_key = :key""")
                .param("status", answer.value()).param("body", body).param("token", tokenId)
                .param("key", key).update());
        return answered(answer, body);
    }

    /**
     * 1 to 255 visible ASCII characters (! to ~). Tomcat reads header bytes as Latin-1, so a key typed with an umlaut
     * or a euro sign arrives as other characters than the client meant (or as control characters): refused, saying
     * what a key may hold, rather than kept in a form the client never sent.
     */
    static boolean isKey(String key) {
        return !key.isEmpty() && key.length() <= MAX_KEY_LENGTH && key.chars().allMatch(c -> c > ' ' && c < 0x7f);
    }

    private ResponseEntity<Object> replay(Stored stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            throw new KeyReused();
        }
        if (stored.status() == RUNNING) {
            throw new KeyInFlight();
        }
        return ResponseEntity.status(stored.status()).contentType(MediaType.APPLICATION_JSON)
                .header("Idempotent-Replayed", "true").body(stored.body());
    }

    private Stored stored(long tokenId, String key) {
        return jdbc.sql("""
                        SELECT request_hash, status, response_body FROM api_idempotency
                        WHERE token_id = :token AND idempotency_key = :key""")
                .param("token", tokenId).param("key", key)
                .query((rs, row) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3))).single();
    }

    private static ResponseEntity<Object> answered(HttpStatus answer, String body) {
        return ResponseEntity.status(answer).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** The request as data, with object members and lists of plain values in one order, however the client sent them. */
    private static Object canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> sorted = new TreeMap<>();
            node.properties().forEach(entry -> sorted.put(entry.getKey(), canonical(entry.getValue())));
            return sorted;
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(canonical(item)));
            if (items.stream().allMatch(item -> item instanceof String)) {
                items.sort((a, b) -> ((String) a).compareTo((String) b));
            }
            return items;
        }
        return node.isString() ? node.asString() : node.toString();
    }

    private record Stored(String requestHash, int status, String body) {
    }

    /** The key was used for another request. */
    static final class KeyReused extends RuntimeException {
        KeyReused() {
            super("idempotency key reused", null, false, false);
        }
    }

    /** The first request with this key is still being answered. */
    static final class KeyInFlight extends RuntimeException {
        KeyInFlight() {
            super("idempotency key in flight", null, false, false);
        }
    }

    /** PostgreSQL's driver binds no Instant; an offset date-time in UTC it binds as timestamptz, as H2 does. */
    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }
}
