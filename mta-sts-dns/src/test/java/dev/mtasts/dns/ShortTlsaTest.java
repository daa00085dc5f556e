package dev.mtasts.dns;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.Type;

/** {@link ShortTlsa}: the raw rewrite that keeps one short TLSA record from spoiling a reply. */
class ShortTlsaTest {

    @Property(tries = 2000)
    void anyBytesAreReturnedWithoutAnExceptionAndWithTheirLength(@ForAll @Size(max = 600) byte[] wire) {
        byte[] out = ShortTlsa.quarantine(wire);
        assertThat(out).hasSameSizeAs(wire);
    }

    @Property(tries = 500)
    void aMessageWithOnlyWellFormedRecordsIsLeftAsItIs(@ForAll @Size(min = 1, max = 64) byte[] data) throws Exception {
        Message m = Message.newQuery(Record.newRecord(Name.fromString("_25._tcp.mx.example.com."), Type.TLSA,
                DClass.IN));
        m.addRecord(new TLSARecord(m.getQuestion().getName(), DClass.IN, 300, 3, 1, 1, data), Section.ANSWER);
        byte[] wire = m.toWire();
        assertThat(ShortTlsa.quarantine(wire)).isSameAs(wire);
    }

    @Test
    void onlyTheTypeOfAShortTlsaRecordChanges() {
        byte[] wire = {
            0, 1, (byte) 0x84, 0, 0, 0, 0, 2, 0, 0, 0, 0,     // ID 1, QR AA, no question, 2 answers
            1, 'a', 0, 0, 52, 0, 1, 0, 0, 1, 44, 0, 2, 3, 1,  // a. TLSA, RDATA of 2 bytes
            (byte) 0xC0, 12, 0, 52, 0, 1, 0, 0, 1, 44, 0, 4, 3, 1, 1, 9 // a. TLSA 3 1 1 09
        };
        byte[] out = ShortTlsa.quarantine(wire);
        assertThat(out).isNotSameAs(wire);
        assertThat(out[15] & 0xFF).isEqualTo(0xFF);
        assertThat(out[16] & 0xFF).isEqualTo(0x34);
        out[15] = 0;
        out[16] = 52;
        assertThat(out).isEqualTo(wire);
    }
}
