package dev.mtasts.dns;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Which raw replies answer a query (RFC 5452 §9.1), decided on the wire bytes. */
class ReplyMatchTest {

    private static Message query(String name, int type, int id) throws Exception {
        Message m = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
        m.getHeader().setID(id);
        return m;
    }

    @Test
    void theSameIdAndQuestionMatchWhateverTheNamesCase() throws Exception {
        byte[] q = query("_mta-sts.Example.COM.", Type.TXT, 4711).toWire();
        byte[] r = query("_MTA-STS.example.com.", Type.TXT, 4711).toWire();
        assertThat(ReplyMatch.matches(q, r)).isTrue();
    }

    @Test
    void anotherIdDoesNotMatch() throws Exception {
        byte[] q = query("a.example.com.", Type.TXT, 1).toWire();
        assertThat(ReplyMatch.why(q, query("a.example.com.", Type.TXT, 2).toWire())).isEqualTo("transaction id 2");
    }

    @Test
    void anotherNameOrTypeDoesNotMatch() throws Exception {
        byte[] q = query("a.example.com.", Type.TXT, 7).toWire();
        assertThat(ReplyMatch.matches(q, query("b.example.com.", Type.TXT, 7).toWire())).isFalse();
        assertThat(ReplyMatch.matches(q, query("a.example.com.", Type.MX, 7).toWire())).isFalse();
        assertThat(ReplyMatch.matches(q, query("a.example.co.", Type.TXT, 7).toWire())).isFalse();
    }

    @Test
    void aTypeThatDiffersOnlyLikeALetterInCaseDoesNotMatch() throws Exception {
        byte[] q = query("a.example.com.", 65, 7).toWire();   // HTTPS = 0x41 = 'A'
        assertThat(ReplyMatch.matches(q, query("a.example.com.", 97, 7).toWire())).isFalse();
    }

    @Test
    void ourIdWithAnUnreadableQuestionIsPassedOnForTheParserToRefuse() throws Exception {
        byte[] q = query("a.example.com.", Type.TXT, 0x1234).toWire();
        byte[] garbage = {0x12, 0x34, (byte) 0x84, 0, 0, 1, 0, 1, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
        assertThat(ReplyMatch.matches(q, garbage)).isTrue();
        assertThat(ReplyMatch.matches(q, new byte[] {0x12, 0x34})).isTrue();
        assertThat(ReplyMatch.matches(q, new byte[] {0x12})).isFalse();
    }

    @Property(tries = 2000)
    void neverThrowsOnAnyBytes(@ForAll byte[] reply) throws Exception {
        ReplyMatch.why(query("a.example.com.", Type.TXT, 9).toWire(), reply);
    }
}
