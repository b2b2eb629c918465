package dev.kontor.base;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Tells the connection pool to drop a connection whose embedded database has been closed under it (H2 says "The
 * database has been closed" or "Database is already closed"). The pool knows such codes of no database, so it would
 * hand the dead connections out again and again, and every sign-in would fail until a restart; dropped, the next
 * connection opens the database files again. Any other failure is judged as the pool always does.
 */
public class EvictClosedDatabaseConnections implements SQLExceptionOverride {

    static final int DATABASE_CLOSED = 90098;
    static final int DATABASE_ALREADY_CLOSED = 90121;

    @java.lang.Override
    public Override adjudicate(SQLException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && (sql.getErrorCode() == DATABASE_CLOSED
                    || sql.getErrorCode() == DATABASE_ALREADY_CLOSED)) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
