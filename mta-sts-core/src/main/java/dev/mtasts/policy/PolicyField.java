package dev.mtasts.policy;

/** The four field names RFC 8461 §3.2 defines (IANA "MTA-STS Policy Fields", C18). Case-sensitive (C4). */
final class PolicyField {

    static final String VERSION = "version";
    static final String MODE = "mode";
    static final String MX = "mx";
    static final String MAX_AGE = "max_age";

    private PolicyField() {
    }

    static boolean isKnown(String name) {
        return VERSION.equals(name) || MODE.equals(name) || MX.equals(name) || MAX_AGE.equals(name);
    }

    /** @return the known field that {@code name} equals ignoring case, or null */
    static String knownIgnoringCase(String name) {
        for (String known : new String[] {VERSION, MODE, MX, MAX_AGE}) {
            if (known.equalsIgnoreCase(name)) {
                return known;
            }
        }
        return null;
    }
}
