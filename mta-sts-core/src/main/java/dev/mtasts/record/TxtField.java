package dev.mtasts.record;

/** One {@code name=value} field of a TXT record as read, with the 1-based column of its name and of its value. */
record TxtField(String name, String value, int column, int valueColumn) {
}
