package dev.mtasts.examples.cli;

import dev.mtasts.OfflineMaterial;

/**
 * The value of {@code --mx}: one MX record, as {@code HOST}, {@code HOST:PREF} or {@code 'PREF HOST'} (the zone
 * file's order). Without a preference a host gets {@value OfflineMaterial#DEFAULT_MX_PREFERENCE}, and {@code .} (the
 * null MX of RFC 7505) gets 0.
 *
 * @param preference the preference
 * @param host       the exchange, as given
 */
record MxArgument(int preference, String host) {

    /**
     * @param value the value as given
     * @return the record
     * @throws InputException when a preference is not a number of 0 to 65535, or the value has more than two parts
     */
    static MxArgument parse(String value) {
        String v = value.strip();
        String[] parts = v.split("\\s+");
        if (parts.length == 2) {
            return new MxArgument(preference(value, parts[0]), parts[1]);
        }
        if (parts.length > 2) {
            throw new InputException("--mx '" + Printable.of(value) + "': write HOST, HOST:PREF or 'PREF HOST'");
        }
        int colon = v.lastIndexOf(':');
        if (colon >= 0) {
            return new MxArgument(preference(value, v.substring(colon + 1)), v.substring(0, colon));
        }
        return new MxArgument(v.equals(".") ? 0 : OfflineMaterial.DEFAULT_MX_PREFERENCE, v);
    }

    private static int preference(String value, String text) {
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) > 65535) {
            throw new InputException("--mx '" + Printable.of(value) + "': the preference '" + Printable.of(text)
                    + "' is not a number of 0 to 65535");
        }
        return Integer.parseInt(text);
    }
}
