package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Drops the foreign key from {@code run_unit.run_id} to {@code run}: its lookup of the run for every inserted row was
 * a fifth of the insert time of a unit batch on H2 (a bench of 400,000 rows of this table: 100,000 rows/s with
 * the key, 125,000 without). The rule it kept holds by the one way units are written: the batch adds to its run's
 * counters in the same transaction and rolls back when the run row is not there ({@code UnitRows}), and deleting
 * a run deletes its units first. The key was created without a name in V1, so its name is read from the
 * database's metadata (H2 and PostgreSQL name it differently).
 */
public class V20__unit_rows_without_run_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        DatabaseMetaData meta = c.getMetaData();
        boolean upper = meta.getDatabaseProductName().toLowerCase(Locale.ROOT).contains("h2");
        List<String> keys = new ArrayList<>();
        try (ResultSet rs = meta.getImportedKeys(c.getCatalog(), c.getSchema(), upper ? "RUN_UNIT" : "run_unit")) {
            while (rs.next()) {
                if (rs.getString("PKTABLE_NAME").equalsIgnoreCase("run") && rs.getString("FK_NAME") != null
                        && !keys.contains(rs.getString("FK_NAME"))) {
                    keys.add(rs.getString("FK_NAME"));
                }
            }
        }
        try (Statement statement = c.createStatement()) {
            for (String key : keys) {
                statement.execute("alter table run_unit drop constraint \"" + key + "\"");
            }
        }
    }
}
