package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;
import java.util.Locale;

/**
 * On H2, a results document is stored as a BLOB rather than in the row ({@code bytea} is H2's {@code VARBINARY}):
 * the gzip of a million units is tens of MB, and H2 serializes a row's page in one buffer — for such a document
 * a buffer of twice its size, which ran a 512 MB heap out of memory. A BLOB goes to H2's LOB storage in blocks.
 * PostgreSQL keeps {@code bytea}, which it stores out of the row (TOAST) by itself.
 */
public class V21__results_as_blob_on_h2 extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            try (Statement statement = context.getConnection().createStatement()) {
                statement.execute("alter table run_result alter column body_gzip set data type blob");
            }
        }
    }
}
