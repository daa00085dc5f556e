package dev.mtasts.examples.cli;

import java.io.PrintWriter;
import java.util.OptionalLong;

/**
 * A one-line progress bar on stderr, with rate and ETA, redrawn at most five times a second. Only made when
 * stderr is a terminal; {@link #NONE} otherwise. Thread-safe.
 */
class Progress {

    static final Progress NONE = new Progress(null, OptionalLong.empty());

    private static final long REDRAW_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final OptionalLong total;
    private final long start = System.nanoTime();
    private long lastDraw;

    Progress(PrintWriter err, OptionalLong total) {
        this.err = err;
        this.total = total;
    }

    synchronized void update(long done) {
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        double rate = done / seconds;
        StringBuilder line = new StringBuilder("\r");
        if (total.isPresent() && total.getAsLong() > 0) {
            long all = total.getAsLong();
            int filled = (int) Math.min(WIDTH, WIDTH * done / all);
            line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(done).append('/').append(all);
            if (rate > 0) {
                long eta = (long) ((all - done) / rate);
                line.append(String.format("  %.1f/s  ETA %d:%02d:%02d", rate, eta / 3600, eta / 60 % 60, eta % 60));
            }
        } else {
            line.append(done).append(" done").append(String.format("  %.1f/s", rate));
        }
        err.print(line.append("   "));
        err.flush();
    }

    synchronized void finish() {
        if (err != null) {
            lastDraw = 0;
            err.print("\r" + " ".repeat(80) + "\r");
            err.flush();
        }
    }
}
