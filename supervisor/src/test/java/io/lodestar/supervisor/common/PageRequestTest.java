package io.lodestar.supervisor.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void defaultsToTheFirstPageOfTen() {
        assertThat(PageRequest.of(null, null, null, null)).isEqualTo(new PageRequest(0, 10));
    }

    @Test
    void pageAndResultsBecomeAnOffset() {
        PageRequest request = PageRequest.of(3, 20, null, null);
        assertThat(request.offset()).isEqualTo(40);
        assertThat(request.page()).isEqualTo(3);
    }

    @Test
    void skipAndLimitAreTheOtherStyle() {
        assertThat(PageRequest.of(null, null, 5, 50)).isEqualTo(new PageRequest(5, 50));
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> PageRequest.of(0, null, null, null)).hasMessageContaining("page");
        assertThatThrownBy(() -> PageRequest.of(null, 101, null, null)).hasMessageContaining("results must be between 1 and 100");
        assertThatThrownBy(() -> PageRequest.of(null, null, -1, null)).hasMessageContaining("skip");
        assertThatThrownBy(() -> PageRequest.of(null, null, null, 0)).hasMessageContaining("limit");
        assertThatThrownBy(() -> PageRequest.of(1, null, 0, null)).hasMessageContaining("not both");
    }

    @Test
    void theQueryParametersBeanReadsTextAndNamesAParameterThatIsNotANumber() {
        assertThat(new PageParams("2", "25", null, null).toRequest()).isEqualTo(new PageRequest(25, 25));
        assertThat(new PageParams(null, null, null, null).toRequest()).isEqualTo(new PageRequest(0, 10));
        assertThatThrownBy(() -> new PageParams("abc", null, null, null).toRequest()).isInstanceOf(DomainException.Invalid.class)
                .hasMessage("page must be a whole number; got 'abc'.");
        assertThatThrownBy(() -> new PageParams(null, null, "1", "9999999999").toRequest())
                .hasMessage("limit must be a whole number; got '9999999999'.");
        assertThatThrownBy(() -> new PageParams(null, null, null, "0").toRequest()).hasMessageContaining("limit must be between 1 and 100");
    }
}
