package db.migration;

import dev.kontor.base.PhoneNumbers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The out-of-hours number is kept as the manager typed it ("05251 / 99 88-0"). Support types it in whatever notation
 * the caller's display shows, so the account also keeps it in E.164, indexed. Existing numbers are parsed here with
 * the same rule the application uses from now on, which no SQL function can express; what is no phone number stays
 * without a search form and is still shown as typed.
 */
public class V0016__Out_of_hours_number_search_form extends BaseJavaMigration {

    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE customer_account ADD COLUMN emergency_phone_e164 VARCHAR(16)");
            ddl.execute("CREATE INDEX customer_account_emergency_phone_idx ON customer_account (emergency_phone_e164)");
        }
        try (PreparedStatement read = connection.prepareStatement(
                     "SELECT organization_id, emergency_phone FROM customer_account WHERE emergency_phone IS NOT NULL");
             PreparedStatement write = connection.prepareStatement(
                     "UPDATE customer_account SET emergency_phone_e164 = ? WHERE organization_id = ?")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    var e164 = PhoneNumbers.searchForm(rows.getString(2));
                    if (e164.isEmpty()) {
                        continue;
                    }
                    write.setString(1, e164.get());
                    write.setLong(2, rows.getLong(1));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }
}
