package dev.kontor.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CustomerNumberTest {

    @Test
    void reads_what_people_type() {
        assertThat(CustomerNumber.parse("CN-10001")).contains(new CustomerNumber("CN-10001"));
        assertThat(CustomerNumber.parse(" cn-10001 ")).contains(new CustomerNumber("CN-10001"));
        assertThat(CustomerNumber.parse("CN10001")).contains(new CustomerNumber("CN-10001"));
        assertThat(CustomerNumber.parse("10001")).contains(new CustomerNumber("CN-10001"));
    }

    @Test
    void refuses_what_is_not_a_number() {
        assertThat(CustomerNumber.parse("CN-")).isEmpty();
        assertThat(CustomerNumber.parse("Bäckerei")).isEmpty();
        assertThat(CustomerNumber.parse(null)).isEmpty();
        assertThatThrownBy(() -> new CustomerNumber("CN-12a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CustomerNumber("<script>")).isInstanceOf(IllegalArgumentException.class);
    }
}
