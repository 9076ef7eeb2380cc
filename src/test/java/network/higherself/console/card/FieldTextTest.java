package network.higherself.console.card;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldTextTest {

    @Test
    void amountsAreReadWithTwoDecimals() {
        assertThat(FieldText.parse(FieldType.MONEY, "12.50").value()).isEqualTo(new BigDecimal("12.50"));
        assertThat(FieldText.parse(FieldType.MONEY, " 120 ").value()).isEqualTo(new BigDecimal("120.00"));
        assertThat(FieldText.parse(FieldType.MONEY, "1 200.5").value()).isEqualTo(new BigDecimal("1200.50"));
        assertThat(FieldText.parse(FieldType.MONEY, "").value()).isNull();
        assertThat(FieldText.parse(FieldType.MONEY, "").ok()).isTrue();
    }

    @Test
    void aBadAmountSaysHowToWriteIt() {
        assertThat(FieldText.parse(FieldType.MONEY, "12,5x").problem()).isEqualTo("'12,5x' is not an amount: write it like 120.00");
        assertThat(FieldText.parse(FieldType.MONEY, "12,50").problem()).isEqualTo("'12,50' is not an amount: use a point for the cents, like 12.50");
        assertThat(FieldText.parse(FieldType.MONEY, "-5").problem()).contains("cannot be negative");
        assertThat(FieldText.parse(FieldType.MONEY, "1.234").problem()).isEqualTo("'1.234' has more than two decimals: write it like 120.00");
        assertThat(FieldText.parse(FieldType.MONEY, "99999999999").problem()).contains("too large").contains("9999999999.99");
        assertThat(FieldText.parse(FieldType.MONEY, "€12").problem()).contains("write it like 120.00");
    }

    @Test
    void datesAndTimes() {
        assertThat(FieldText.parse(FieldType.DATE, "2026-12-01").value()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(FieldText.parse(FieldType.DATE, "2026-02-30").problem()).isEqualTo("'2026-02-30' is not a date: write it like 2026-12-01");
        assertThat(FieldText.parse(FieldType.DATE, "1/12/2026").problem()).isEqualTo("'1/12/2026' is not a date: write it like 2026-12-01");
        assertThat(FieldText.parse(FieldType.DATE_TIME, "2026-12-01 14:30").value()).isEqualTo(LocalDateTime.of(2026, 12, 1, 14, 30));
        assertThat(FieldText.parse(FieldType.DATE_TIME, "2026-12-01T14:30").value()).isEqualTo(LocalDateTime.of(2026, 12, 1, 14, 30));
        assertThat(FieldText.parse(FieldType.DATE_TIME, "2026-12-01").problem())
                .isEqualTo("'2026-12-01' is not a date and time: write it like 2026-12-01 14:30");
        assertThat(FieldText.time("9:05").value()).isEqualTo(LocalTime.of(9, 5));
        assertThat(FieldText.time("25:00").problem()).isEqualTo("'25:00' is not a time: write it like 14:30");
    }

    @Test
    void addressesAndNumbersHaveTheirShape() {
        assertThat(FieldText.parse(FieldType.EMAIL, "ada@example.com").value()).isEqualTo("ada@example.com");
        assertThat(FieldText.parse(FieldType.EMAIL, "ada@example").problem())
                .isEqualTo("'ada@example' is not an e-mail address: write it like name@example.com");
        assertThat(FieldText.parse(FieldType.PHONE, "call me").problem()).startsWith("'call me' is not a phone number");
        assertThat(FieldText.parse(FieldType.URL, "example.com").problem()).startsWith("'example.com' is not a web address");
        assertThat(FieldText.parse(FieldType.TEXT, "  spaced  ").value()).isEqualTo("spaced");
    }

    @Test
    void fieldsAddRequiredAndChoices() {
        CardField title = Card.commonFields().get(0);
        assertThat(FieldText.parse(title, " ").problem()).isEqualTo("Title is required: fill it in.");
        CardField priority = Card.commonFields().get(2);
        assertThat(FieldText.parse(priority, "high").value()).isEqualTo(Priority.HIGH);
        assertThat(FieldText.parse(priority, "soon").problem()).isEqualTo("'soon' is not a priority: choose low, normal, high or urgent");
        CardField portal = InterfaceRelease.PORTAL_KIND;
        assertThat(FieldText.parse(portal, "public page").value()).isEqualTo(PortalKind.PUBLIC_PAGE);
        assertThatThrownBy(() -> FieldText.parse(FieldType.REFERENCE, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void valuesAreWrittenTheWayTheyAreRead() {
        assertThat(FieldText.format(FieldType.MONEY, new BigDecimal("120"))).isEqualTo("120.00");
        assertThat(FieldText.format(FieldType.DATE_TIME, LocalDateTime.of(2026, 12, 1, 9, 5))).isEqualTo("2026-12-01 09:05");
        assertThat(FieldText.format(FieldType.DATE, null)).isEmpty();
        for (String s : new String[]{"0.00", "12.50", "9999999999.99"}) {
            assertThat(FieldText.format(FieldType.MONEY, FieldText.parse(FieldType.MONEY, s).value())).isEqualTo(s);
        }
    }
}
