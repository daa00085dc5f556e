// A module-path user of mta-sts-core, for .ci/jpms-smoke.sh.
module app {
    requires dev.mtasts;
}
