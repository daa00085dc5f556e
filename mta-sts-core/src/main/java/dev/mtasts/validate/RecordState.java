package dev.mtasts.validate;

/** What the {@code _mta-sts} TXT look-up established. */
enum RecordState {
    /** No STS record (NXDOMAIN, NODATA, or no record with the prefix and no look-alike). */
    ABSENT,
    /** {@code _mta-sts.<domain>} would exceed 253 characters: no record can exist, MTA-STS cannot be deployed. */
    CANNOT_EXIST,
    /** Exactly one valid record. */
    FOUND,
    /** Several records, one invalid record, or only look-alikes senders discard: senders assume there is no policy. */
    BROKEN,
    /** The look-up failed: nobody can tell. */
    LOOKUP_FAILED;

    /** @return true when a record says a policy exists (valid or not), so that failing to fetch it is a finding */
    boolean announcesPolicy() {
        return this == FOUND || this == BROKEN;
    }
}
