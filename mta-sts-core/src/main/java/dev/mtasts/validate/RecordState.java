package dev.mtasts.validate;

/** What the {@code _mta-sts} TXT look-up established. */
enum RecordState {
    /** No STS record (NXDOMAIN, NODATA, or no record with the prefix). */
    ABSENT,
    /** Exactly one valid record. */
    FOUND,
    /** Several records, or one invalid record: senders assume there is no policy. */
    BROKEN,
    /** The look-up failed: nobody can tell. */
    LOOKUP_FAILED;

    /** @return true when a record says a policy exists (valid or not), so that failing to fetch it is a finding */
    boolean announcesPolicy() {
        return this == FOUND || this == BROKEN;
    }
}
