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

    boolean announcesPolicy() {
        return this != ABSENT;
    }
}
