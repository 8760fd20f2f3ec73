package io.lodestar.warden.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SupervisorAddressTest {

    @Test
    void hostPortAndUrlsAreAccepted() {
        assertThat(SupervisorAddress.parse("sup.example.com:9000")).isEqualTo(new SupervisorAddress("sup.example.com", 9000, false));
        assertThat(SupervisorAddress.parse("grpc://10.0.0.5:9000")).isEqualTo(new SupervisorAddress("10.0.0.5", 9000, false));
        assertThat(SupervisorAddress.parse("http://10.0.0.5:9000/")).isEqualTo(new SupervisorAddress("10.0.0.5", 9000, false));
        assertThat(SupervisorAddress.parse("grpcs://sup:443")).isEqualTo(new SupervisorAddress("sup", 443, true));
        assertThat(SupervisorAddress.parse("https://sup:8443")).isEqualTo(new SupervisorAddress("sup", 8443, true));
        assertThat(SupervisorAddress.parse("[::1]:9000")).isEqualTo(new SupervisorAddress("::1", 9000, false));
        assertThat(SupervisorAddress.parse("[::1]:9000").toString()).isEqualTo("[::1]:9000");
    }

    @Test
    void whatIsNotAnAddressSaysWhatIsExpected() {
        assertThatThrownBy(() -> SupervisorAddress.parse("sup.example.com")).hasMessageContaining("as host:port");
        assertThatThrownBy(() -> SupervisorAddress.parse("sup:http")).hasMessageContaining("'http' is not a port number");
        assertThatThrownBy(() -> SupervisorAddress.parse("ftp://sup:21")).hasMessageContaining("unknown scheme 'ftp'");
        assertThatThrownBy(() -> SupervisorAddress.parse("[::1]")).hasMessageContaining("as host:port");
    }
}
