package dev.mtasts.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuaRepairTest {

    @Test
    void anAddressWithoutItsSchemeGetsMailto() {
        assertThat(RuaRepair.repaired("v=TLSRPTv1; rua=tls@example.com"))
                .contains("v=TLSRPTv1; rua=mailto:tls@example.com");
    }

    @Test
    void aCommaThatSplitAUriIsEncoded() {
        assertThat(RuaRepair.repaired("v=TLSRPTv1; rua=https://r.example.com/report?a=1,2"))
                .contains("v=TLSRPTv1; rua=https://r.example.com/report?a=1%2C2");
    }

    @Test
    void aBangIsEncoded() {
        assertThat(RuaRepair.repaired("v=TLSRPTv1; rua=mailto:a!b@example.com"))
                .contains("v=TLSRPTv1; rua=mailto:a%21b@example.com");
    }

    @Test
    void repeatedRuaFieldsBecomeOneAndOtherFieldsStay() {
        assertThat(RuaRepair.repaired("v=TLSRPTv1; rua=mailto:a@example.com; x=1; rua=mailto:b@example.com"))
                .contains("v=TLSRPTv1; rua=mailto:a@example.com,mailto:b@example.com; x=1");
    }

    @Test
    void aValidRecordOrOneThatCannotBeRepairedGivesNothing() {
        assertThat(RuaRepair.repaired("v=TLSRPTv1; rua=mailto:a@example.com")).isEmpty();
        assertThat(RuaRepair.repaired("v=TLSRPTv1; ruf=mailto:a@example.com")).isEmpty();
        assertThat(RuaRepair.repaired("v=TLSRPTv1; rua=nothing")).isEmpty();
    }
}
