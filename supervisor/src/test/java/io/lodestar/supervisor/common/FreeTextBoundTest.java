package io.lodestar.supervisor.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Column;

import org.junit.jupiter.api.Test;

class FreeTextBoundTest {

    private static final String MARKER = "… (cut at 40 characters)";

    @Test
    void aTextOfExactlyTheColumnLengthIsKeptWhole() {
        String text = "x".repeat(40);
        assertThat(FreeTextBound.cut(text, 40)).isSameAs(text);
        assertThat(FreeTextBound.cut("", 40)).isEmpty();
        assertThat(FreeTextBound.cut(null, 40)).isNull();
    }

    @Test
    void aNulCharacterBecomesTheReplacementCharacterWhichPostgresqlStores() {
        assertThat(FreeTextBound.cut("exit\0code\0", 40)).isEqualTo("exit\uFFFDcode\uFFFD");
        assertThat(FreeTextBound.cut("\0".repeat(100), 40)).hasSize(40).startsWith("\uFFFD").endsWith(MARKER);
    }

    @Test
    void oneCharacterOverKeepsTheStartAndEndsWithTheMarkerWithinTheColumn() {
        String cut = FreeTextBound.cut("abcdefghijklmnopqrstuvwxyz0123456789ABCDE", 40);
        assertThat(cut).hasSize(40).startsWith("abcdefghijklmnop").endsWith(MARKER)
                .isEqualTo("abcdefghijklmnop" + MARKER);
    }

    @Test
    void aLongTextIsCutToExactlyTheColumnLength() {
        String cut = FreeTextBound.cut("y".repeat(100_000), 2000);
        assertThat(cut).hasSize(2000).endsWith("y… (cut at 2000 characters)");
    }

    @Test
    void aSurrogatePairAtTheCutIsLeftOutWholeRatherThanSplit() {
        String emoji = "\uD83D\uDE80"; // one character outside the BMP, two UTF-16 units
        String kept = "a".repeat(15);
        // The 16 units before the marker would end in the pair's high surrogate.
        String cut = FreeTextBound.cut(kept + emoji + "b".repeat(40), 40);
        assertThat(cut).isEqualTo(kept + MARKER).hasSize(39);
        // One unit earlier the pair fits whole and is kept.
        assertThat(FreeTextBound.cut("a".repeat(14) + emoji + "b".repeat(40), 40)).isEqualTo("a".repeat(14) + emoji + MARKER);
        assertThat(FreeTextBound.cut("a" + emoji.repeat(40), 40).codePoints())
                .noneMatch(c -> c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE);
    }

    @Test
    void aColumnWithNoRoomForTheMarkerIsAMistakeSaidPlainly() {
        assertThatThrownBy(() -> FreeTextBound.cut("x".repeat(30), 20))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no room for the marker");
    }

    static class Row {
        @FreeText
        @Column(length = 40)
        public String message;
        @Column(length = 40)
        public String name;
    }

    static class LongerRow extends Row {
        @FreeText
        @Column(name = "detail", length = 60)
        public String detail;
    }

    @Test
    void theListenerCutsEachFreeTextFieldToItsOwnColumnAndLeavesOtherFieldsAlone() {
        LongerRow row = new LongerRow();
        row.message = "m".repeat(100);
        row.name = "n".repeat(100);
        row.detail = "d".repeat(100);
        new FreeTextBound().bound(row);
        assertThat(row.message).hasSize(40).endsWith(MARKER);
        assertThat(row.detail).hasSize(60).endsWith("… (cut at 60 characters)");
        assertThat(row.name).isEqualTo("n".repeat(100));

        String fits = row.message;
        new FreeTextBound().bound(row);
        assertThat(row.message).as("a cut text is stored as it is when written again").isSameAs(fits);
    }
}
