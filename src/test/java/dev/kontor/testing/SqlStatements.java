package dev.kontor.testing;

import net.ttddyy.dsproxy.QueryCount;
import net.ttddyy.dsproxy.QueryCountHolder;

/** Counts the SQL statements the current thread sends through the counted data source. */
public final class SqlStatements {

    private SqlStatements() {
    }

    public static void reset() {
        QueryCountHolder.clear();
    }

    public static long count() {
        QueryCount count = QueryCountHolder.get("counted");
        return count == null ? 0 : count.getTotal();
    }
}
