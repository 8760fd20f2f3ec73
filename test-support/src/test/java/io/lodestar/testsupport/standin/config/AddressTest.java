package io.lodestar.testsupport.standin.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressTest {

    @Test
    void parsesHostAndPort() {
        assertThat(Address.parse("127.0.0.1:8090")).isEqualTo(new Address("127.0.0.1", 8090));
        assertThat(Address.parse(" localhost:3000 ")).isEqualTo(new Address("localhost", 3000));
    }

    @Test
    void parsesBracketedIpv6AndPrintsItBack() {
        Address address = Address.parse("[::1]:8080");

        assertThat(address.host()).isEqualTo("::1");
        assertThat(address).hasToString("[::1]:8080");
    }

    @Test
    void wildcardHostsAreDialledOnLoopback() {
        assertThat(Address.parse("0.0.0.0:3000").dialHost()).isEqualTo("127.0.0.1");
        assertThat(Address.parse("[::]:3000").dialHost()).isEqualTo("::1");
    }

    @Test
    void rejectsWhatIsNotHostColonPort() {
        assertThatThrownBy(() -> Address.parse("8090")).hasMessage("expected host:port");
        assertThatThrownBy(() -> Address.parse("host:")).hasMessage("expected host:port");
        assertThatThrownBy(() -> Address.parse(":80")).hasMessage("expected host:port");
        assertThatThrownBy(() -> Address.parse("host:http")).hasMessage("port 'http' is not a number");
        assertThatThrownBy(() -> Address.parse("host:70000")).hasMessage("port 70000 is out of range 0-65535");
        assertThatThrownBy(() -> Address.parse("::1:80")).hasMessageContaining("brackets");
    }
}
