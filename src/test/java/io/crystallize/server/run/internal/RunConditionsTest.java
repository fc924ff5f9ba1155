package io.crystallize.server.run.internal;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The conditions column keeps the text runs stored before the converter, and reads back an unmodifiable list. */
class RunConditionsTest {

    private final RunConditions column = new RunConditions();

    @Test
    void sameTextAsBefore() {
        assertThat(column.convertToDatabaseColumn(List.of("baseline", "t1", "tré \"quoted\"")))
                .isEqualTo("[\"baseline\",\"t1\",\"tré \\\"quoted\\\"\"]");
        assertThat(column.convertToDatabaseColumn(List.of("baseline"))).isEqualTo("[\"baseline\"]");
    }

    @Test
    void readsStoredText() {
        List<String> conditions = column.convertToEntityAttribute("[\"baseline\",\"t1\",\"t2\"]");

        assertThat(conditions).containsExactly("baseline", "t1", "t2");
        assertThatThrownBy(() -> conditions.add("t3")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(column.convertToEntityAttribute(column.convertToDatabaseColumn(conditions))).isEqualTo(conditions);
    }
}
