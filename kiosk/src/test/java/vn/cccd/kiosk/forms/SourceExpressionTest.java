package vn.cccd.kiosk.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.cccd.kiosk.testing.TestCards;
import vn.cccd.reader.model.CardReadResult;

class SourceExpressionTest {
    private final CardReadResult card = TestCards.authentic("nguyen-thi-hong-nhung");
    private final SourceExpression.SourceContext ctx = new SourceExpression.SourceContext() {
        @Override
        public Optional<CardReadResult> card(String role) {
            return role == null || role.equals("mother") ? Optional.of(card) : Optional.empty();
        }

        @Override
        public String config(String name) {
            return Map.of("place", "Hà Nội").get(name);
        }

        @Override
        public LocalDate today() {
            return LocalDate.of(2026, 1, 5);
        }
    };

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "person.fullName; Nguyễn Thị Hồng Nhung",
        "person.dateOfBirth|date:dd/MM/yyyy; 17/08/1995",
        "person.dateOfBirth|year; 1995",
        "mother:person.fullName|upper; NGUYỄN THỊ HỒNG NHUNG",
        "person.idNumber|prefix:Số |suffix: (CCCD); Số 001195004821 (CCCD)",
        "document.issuingState; VNM",
        "verification.overall; AUTHENTIC",
        "config:place; Hà Nội",
        "today|date:dd/MM/yyyy; 05/01/2026",
    })
    void evaluates(String expression, String expected) {
        assertThat(SourceExpression.parse(expression).evaluate(ctx)).isEqualTo(expected);
    }

    @Test
    void absentValuesStayAbsent() {
        assertThat(SourceExpression.parse("father:person.fullName").evaluate(ctx)).isNull();
        assertThat(SourceExpression.parse("person.spouseName|prefix:Vợ/chồng: ").evaluate(ctx)).isNull();
        assertThat(SourceExpression.parse("config:authority.police").evaluate(ctx)).isNull();
    }

    @Test
    void onlyCardSourcesAreReadOnly() {
        assertThat(SourceExpression.parse("person.sex").fromCard()).isTrue();
        assertThat(SourceExpression.parse("config:place").fromCard()).isFalse();
        assertThat(SourceExpression.parse("today").fromCard()).isFalse();
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> SourceExpression.parse("person.mrz")).hasMessageContaining("unknown card path");
        assertThatThrownBy(() -> SourceExpression.parse("document.mrz")).hasMessageContaining("unknown card path");
        assertThatThrownBy(() -> SourceExpression.parse("person.fullName|lower")).hasMessageContaining("unknown filter");
        assertThatThrownBy(() -> SourceExpression.parse("person.fullName|year:2")).hasMessageContaining("no argument");
        assertThatThrownBy(() -> SourceExpression.parse("Mother:person.fullName")).hasMessageContaining("bad card role");
        assertThatThrownBy(() -> SourceExpression.parse("config:")).hasMessageContaining("bad config name");
        assertThatThrownBy(() -> SourceExpression.parse(" ")).hasMessageContaining("empty");
    }
}
