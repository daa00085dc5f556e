package dev.mtasts.dns;

import dev.mtasts.resolver.DnsResult;
import java.util.List;
import org.xbill.DNS.Record;

/**
 * The end of a look-up with its CNAMEs followed: the shared facts and the records of the type asked
 * for (empty unless the outcome is FOUND). Stays inside this module; {@link Answers} turns it into SPI values.
 */
record Resolution(DnsResult result, List<Record> records) {

    Resolution {
        records = List.copyOf(records);
    }
}
