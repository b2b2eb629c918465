package dev.kontor.volume;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes the rows of one table: PostgreSQL's COPY where the connection is PgJDBC's (a buffer of rows streamed at once),
 * JDBC batches of prepared inserts anywhere else (H2). Values are Long, Integer, String, Boolean, Instant or null.
 */
abstract sealed class RowSink implements AutoCloseable permits RowSink.Batch, RowSink.Copy {

    protected final String table;
    protected final String[] columns;
    private final Progress progress;
    private int unreported;

    private RowSink(String table, String[] columns, Progress progress) {
        this.table = table;
        this.columns = columns;
        this.progress = progress;
    }

    static RowSink open(Connection connection, Progress progress, String table, String... columns)
            throws SQLException {
        if (connection.isWrapperFor(PGConnection.class)) {
            return new Copy(connection.unwrap(PGConnection.class).getCopyAPI(), table, columns, progress);
        }
        return new Batch(connection, table, columns, progress);
    }

    final void add(Object... values) throws SQLException {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns.length
                    + " columns");
        }
        write(values);
        if (++unreported == 1000) {
            progress.advance(unreported);
            unreported = 0;
        }
    }

    abstract void write(Object[] values) throws SQLException;

    abstract void flush() throws SQLException;

    @Override
    public final void close() throws SQLException {
        flush();
        progress.advance(unreported);
        unreported = 0;
    }

    static final class Batch extends RowSink {

        private static final int SIZE = 1000;
        private final PreparedStatement insert;
        private int pending;

        Batch(Connection connection, String table, String[] columns, Progress progress) throws SQLException {
            super(table, columns, progress);
            this.insert = connection.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns)
                    + ") VALUES (" + Arrays.stream(columns).map(c -> "?").collect(Collectors.joining(", ")) + ")");
        }

        @Override
        void write(Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i] instanceof Instant instant ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC)
                        : values[i];
                insert.setObject(i + 1, value);
            }
            insert.addBatch();
            if (++pending == SIZE) {
                flush();
            }
        }

        @Override
        void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }
    }

    static final class Copy extends RowSink {

        /** Characters buffered before they are streamed to the server (about 8 MB). */
        private static final int BUFFER = 4_000_000;
        private final CopyManager copy;
        private final StringBuilder rows = new StringBuilder(BUFFER + 10_000);

        Copy(CopyManager copy, String table, String[] columns, Progress progress) {
            super(table, columns, progress);
            this.copy = copy;
        }

        @Override
        void write(Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    rows.append('\t');
                }
                Object value = values[i];
                switch (value) {
                    case null -> rows.append("\\N");
                    case Boolean b -> rows.append(b ? 't' : 'f');
                    case String s -> escape(s);
                    default -> rows.append(value);
                }
            }
            rows.append('\n');
            if (rows.length() >= BUFFER) {
                flush();
            }
        }

        /** COPY's text format: backslash, tab, newline and carriage return are written as escapes. */
        private void escape(String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> rows.append("\\\\");
                    case '\t' -> rows.append("\\t");
                    case '\n' -> rows.append("\\n");
                    case '\r' -> rows.append("\\r");
                    default -> rows.append(c);
                }
            }
        }

        @Override
        void flush() throws SQLException {
            if (rows.isEmpty()) {
                return;
            }
            try {
                copy.copyIn("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN",
                        new StringReader(rows.toString()));
            } catch (IOException e) {
                throw new SQLException("COPY into " + table + " failed", e);
            }
            rows.setLength(0);
        }
    }
}
